import DeltaCore
import DeltaText

/// A condition that stops a run started with `r`. Each is tested on exactly what the screen
/// shows at the step, so a stop and the sentence beside it never disagree.
public enum Breakpoint: CaseIterable, Sendable, Hashable {
    /// A NaN or ∞ stopped training.
    case nonFinite
    /// A node is saturated where that slows learning (``SaturatedNode/slowsLearning``).
    case saturated
    /// The cost rose from one epoch to the next.
    case costRising

    /// What the breakpoint stops at, in a few words.
    public var label: String {
        switch self {
        case .nonFinite: return "a NaN or ∞"
        case .saturated: return "a saturated node that slows learning"
        case .costRising: return "the cost rising from one epoch to the next"
        }
    }

    /// The condition in full, from the same declarations the test uses (nil when the label
    /// says it all).
    public var detail: String? {
        switch self {
        case .saturated:
            let fraction = NumberText.written(SaturatedNode.fraction), wrong = NumberText.written(SaturatedNode.wrongFraction)
            return "f′(z) below \(fraction) × its largest value, on a hidden node, or on an output node at least \(wrong) of its range from its target whose cost keeps f′ in δ (not where the cost cancels it)"
        case .nonFinite, .costRising:
            return nil
        }
    }

    /// The saturated node of a step that this breakpoint stops at: the first among the
    /// step's facts that slows learning.
    static func slowingNode(in facts: [StepFact]) -> SaturatedNode? {
        for fact in facts {
            if case .saturated(let node) = fact, node.slowsLearning { return node }
        }
        return nil
    }
}
