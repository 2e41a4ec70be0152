import DeltaCore
import DeltaText

/// A stop for `r` at one position of the run: typed in the breakpoint menu as the go-to
/// prompt is (`12` epoch 12, `12 3` its update 3, `12 3 2 oe` a step), read by the one
/// position parser (``PositionQuery``) and resolved in the leading run's layout.
public struct PositionBreakpoint: Sendable, Hashable {
    /// What the student typed.
    public let typed: String
    /// The position it names; the run stops when the leading run's cursor reaches it.
    public let position: TracePosition

    /// A breakpoint at a position; see each property.
    public init(typed: String, position: TracePosition) {
        self.typed = typed
        self.position = position
    }

    /// Reads typed text as a position of a run laid out as `layout`, or says why it is none
    /// (worded by ``StepText/problem(_:layout:)``, with its hint).
    public static func parse(_ text: String, in layout: TraceLayout, currentEpoch: Int) -> Result<PositionBreakpoint, PositionError> {
        PositionQuery.parse(text).flatMap { $0.resolve(in: layout, currentEpoch: currentEpoch) }
            .map { PositionBreakpoint(typed: text.split(separator: " ").joined(separator: " "), position: $0) }
    }

    /// "epoch 12, update 1, example 1, feedforward l=1", as the screen names positions.
    public var label: String { StepText.position(position) }
}
