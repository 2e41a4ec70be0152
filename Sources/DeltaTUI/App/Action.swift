/// Something the student can do on the trace screen with a key (see ``KeyBinding``).
public enum Action: Sendable, Hashable, CaseIterable {
    /// One step forward.
    case stepForward
    /// One step back.
    case stepBack
    /// To the next step of the current step's kind (feedforward, output error, …).
    case nextOfKind
    /// To the previous step of the current step's kind.
    case previousOfKind
    /// To the first step of the next update.
    case nextUpdate
    /// To the start of this update, or of the previous one.
    case previousUpdate
    /// To the first step of the next epoch.
    case nextEpoch
    /// To the start of this epoch, or of the previous one.
    case previousEpoch
    /// Type a position to go to.
    case goTo
    /// Run forwards until a breakpoint, beat, question or the end.
    case run
    /// Choose the breakpoints.
    case chooseBreakpoints
    /// Run faster with `r` (the next of ``RunSpeed/levels``).
    case faster
    /// Run slower with `r`.
    case slower
    /// Choose the lesson, a variant, or all of them side by side.
    case chooseVariant
    /// In compare mode, the next page of runs (when not all fit side by side).
    case nextRuns
    /// In compare mode, the previous page of runs.
    case previousRuns
    /// Focus the next node, weight or bias of the step.
    case focusNext
    /// Focus the previous node, weight or bias of the step.
    case focusPrevious
    /// The next view of the main area (network, minibatch, tables).
    case nextView
    /// The previous view.
    case previousView
    /// Show or hide the cost chart.
    case toggleChart
    /// Show every key.
    case help
    /// Back to the picker of lessons (the program quits when there is none; Ctrl-C always quits).
    case quit
    /// Scroll the lesson's box down a page (it says "↓ more" when there is more).
    case scrollLessonDown
    /// Scroll the lesson's box up a page.
    case scrollLessonUp
    /// Go to the first question not yet answered (skipped, or jumped over) and ask it.
    case askSkipped
    /// Scroll the equations down a line, when they do not fit their box.
    case scrollEquationsDown
    /// Scroll the equations up a line.
    case scrollEquationsUp

    // While a question waits (``KeyBinding/answering``):

    /// Type a character of the answer (a digit, sign, point, `e`, `/`).
    case typeAnswer
    /// Erase the last character typed.
    case eraseAnswer
    /// Check the answer typed.
    case checkAnswer
    /// Skip the question (it is asked again when the student comes back to its step).
    case skipQuestion

    // In the variant menu (``KeyBinding/variantMenu(choices:)``):

    /// Highlight the next choice.
    case highlightNextChoice
    /// Highlight the previous choice.
    case highlightPreviousChoice
    /// Open the highlighted choice.
    case openHighlightedChoice
    /// Open the choice of the digit pressed.
    case openNumberedChoice

    // In the breakpoint menu (``KeyBinding/breakpointMenu(conditions:positions:)``):

    /// Turn the condition of the digit pressed on or off.
    case toggleBreakpoint
    /// Remove the breakpoint at the position of the digit pressed.
    case removePositionBreakpoint
    /// Start typing a position to stop at.
    case addPositionBreakpoint

    // While a position is typed in the breakpoint menu (``KeyBinding/typingPosition``):

    /// Add the position typed.
    case confirmPosition
    /// Stop typing, adding nothing.
    case cancelPosition
    /// Erase the last character typed.
    case erasePosition
}
