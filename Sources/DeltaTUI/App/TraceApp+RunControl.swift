import DeltaCore
import DeltaLessons
import DeltaText

/// Control of `r`: its speed (`+`/`-`) and the breakpoint menu with its stops at positions.
extension TraceApp {
    // MARK: Speed

    /// `+` / `-`: one level faster or slower, said in the message line (and in the title
    /// while running).
    mutating func changeSpeed(faster: Bool) {
        let before = control.speed
        if faster { control.speed.faster() } else { control.speed.slower() }
        if control.speed == before {
            message = "\(control.speed.label): already the \(faster ? "fastest" : "slowest")"
        } else {
            message = control.speed.label
        }
    }

    /// The steps one tick of `r` may take at the current speed, and the time it may spend
    /// (nil: no limit but the steps).
    var runBudget: (steps: Int, slice: Duration?) {
        if let steps = control.speed.stepsPerTick { return (steps, nil) }
        return (Int.max, TraceApp.trainingSlice)
    }

    // MARK: Breakpoints at positions

    /// The leading run's breakpoint at the current position, if `r` has reached one.
    var positionBreakpointHere: PositionBreakpoint? {
        control.positionBreakpoints.first { $0.position == leader.shown.position }
    }

    /// Adds a breakpoint at a typed position, or says in the menu why it cannot be one.
    mutating func addPositionBreakpoint(_ text: String) {
        let layout = leader.run.layout
        switch PositionBreakpoint.parse(text, in: layout, currentEpoch: leader.shown.position.epoch) {
        case .failure(let error):
            let problem = StepText.problem(error, layout: layout)
            control.breakpointProblem = "\(problem.message) (\(problem.hint))"
        case .success(let breakpoint):
            control.breakpointProblem = nil
            if !control.positionBreakpoints.contains(where: { $0.position == breakpoint.position }) {
                control.positionBreakpoints.append(breakpoint)
            }
        }
    }

    /// A key in the open breakpoint menu, looked up in ``KeyBinding/breakpointMenu(conditions:positions:)``
    /// (and while a position is typed, in ``KeyBinding/typingPosition``): a digit toggles a
    /// condition or removes a position breakpoint; `a` starts typing a position, Enter adds
    /// it, Esc stops typing; any other key closes the menu. Returns false to quit.
    mutating func pressInBreakpointMenu(_ key: Key, _ action: Action?) -> Bool {
        if let typed = control.typingBreakpoint {
            switch KeyBinding.action(for: key, in: KeyBinding.typingPosition) {
            case .confirmPosition?:
                control.typingBreakpoint = nil
                if !typed.isEmpty { addPositionBreakpoint(typed) }
            case .cancelPosition?: control.typingBreakpoint = nil
            case .erasePosition?: control.typingBreakpoint = String(typed.dropLast())
            default:
                if case .character(let c) = key, c.isLetter || c.isNumber || " -/,=.".contains(c) {
                    control.typingBreakpoint = typed + String(c)
                }
            }
            return true
        }
        let conditions = Breakpoint.allCases
        let keys = KeyBinding.breakpointMenu(conditions: conditions.count, positions: control.positionBreakpoints.count)
        let number = { () -> Int? in
            if case .character(let c) = key { return c.wholeNumberValue }
            return nil
        }()
        switch (KeyBinding.action(for: key, in: keys), number) {
        case (.toggleBreakpoint?, let k?):
            let b = conditions[k - 1]
            if breakpoints.contains(b) { breakpoints.remove(b) } else { breakpoints.insert(b) }
        case (.removePositionBreakpoint?, let k?):
            control.positionBreakpoints.remove(at: k - conditions.count - 1)
        case (.addPositionBreakpoint?, _):
            if control.positionBreakpoints.count >= ScreenControl.maximumPositionBreakpoints {
                control.breakpointProblem = "at most \(ScreenControl.maximumPositionBreakpoints) positions: remove one first"
            } else {
                control.breakpointProblem = nil
                control.typingBreakpoint = ""
            }
        default:
            if action == .quit { return false }
            showBreakpointMenu = false
            control.breakpointProblem = nil
        }
        return true
    }

    /// The breakpoint menu as drawn.
    var breakpointMenu: BreakpointMenu {
        BreakpointMenu(entries: Breakpoint.allCases.map { ($0, breakpoints.contains($0)) },
                       positions: control.positionBreakpoints.map(\.label),
                       typing: control.typingBreakpoint, problem: control.breakpointProblem,
                       canAdd: control.positionBreakpoints.count < ScreenControl.maximumPositionBreakpoints)
    }
}
