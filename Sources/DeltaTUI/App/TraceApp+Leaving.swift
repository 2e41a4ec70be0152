/// Leaving for the lessons (`q`) and coming back: the launcher keeps the screen as the
/// student left it and shows it again when the lesson is chosen again.
extension TraceApp {
    /// The screen kept while the student is at the lessons, made ready to be shown again at
    /// the terminal's current size: a run of `r` paused, the go-to prompt, the help and the
    /// menus closed (a `q` typed in one of them is what left), and `q` no longer asking for
    /// the lessons. Everything else — position, answers, score, view, focus, breakpoints,
    /// speed, page of runs — is as it was; the lesson file's stamp too, so that the next tick
    /// reloads a file saved meanwhile (``reloadIfEdited()``).
    mutating func resume(width: Int, height: Int) {
        control.leavesToLessons = false
        if running {
            running = false
            message = "paused"
        }
        if case .goTo? = prompt { prompt = nil }
        showHelp = false
        showBreakpointMenu = false
        control.typingBreakpoint = nil
        control.breakpointProblem = nil
        control.variantMenu = nil
        _ = handle(.resize(width: width, height: height))
    }
}
