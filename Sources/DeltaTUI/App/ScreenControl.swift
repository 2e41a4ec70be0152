/// The state of the screen's controls over the run that are not the step shown: the speed
/// of `r`, breakpoints at positions, the breakpoint and variant menus, which page of runs
/// compare mode shows, whether `q` asked for the lessons, and the watch on the lesson file.
/// One value in ``TraceApp/control``; kept when the screen reopens on a variant or reloads
/// the lesson.
public struct ScreenControl: Sendable {
    /// How fast `r` runs (`+`/`-`).
    public var speed = RunSpeed()
    /// Stops for `r` at positions, in the order they were added.
    public var positionBreakpoints: [PositionBreakpoint] = []
    /// The position being typed in the breakpoint menu (after `a`), if any.
    public var typingBreakpoint: String?
    /// Why the last typed breakpoint position was refused, shown in the menu.
    public var breakpointProblem: String?
    /// The highlighted row of the open variant menu; nil while it is closed.
    public var variantMenu: Int?
    /// In compare mode, the first run of the page shown (`p`/`P`) when not all fit.
    public var firstRunShown = 0
    /// Set when `q` (not Ctrl-C) left the screen: the launcher shows the lessons.
    public var leavesToLessons = false
    /// The lesson file as last loaded (nil: not a file on disk, not watched).
    public var lessonStamp: LessonFileStamp?
    /// The located error of the lesson file as saved, while the last good lesson is shown.
    public var reloadProblem: String?

    /// The most breakpoints at positions (so each has a digit in the menu).
    public static let maximumPositionBreakpoints = 6
}
