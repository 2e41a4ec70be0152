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
        case .saturated: return "a node becoming saturated where that slows learning"
        case .costRising: return "the cost rising from one epoch to the next"
        }
    }

    /// The condition in full, from the same declarations the test uses (nil when the label
    /// says it all).
    public var detail: String? {
        switch self {
        case .saturated:
            let fraction = NumberText.written(SaturatedNode.fraction), wrong = NumberText.written(SaturatedNode.wrongFraction)
            return "saturated: f′(z) under \(fraction) × its largest value. It slows learning on a hidden node, and on an output node whose answer is wrong (at least \(wrong) of its range from the target) unless the cost cancels f′. The run stops when a node becomes so; a node already saturated when r is pressed does not stop it."
        case .nonFinite, .costRising:
            return nil
        }
    }

    /// The saturated nodes among a step's facts that slow learning, in order.
    static func slowingNodes(in facts: [StepFact]) -> [SaturatedNode] {
        facts.compactMap { fact in
            if case .saturated(let node) = fact, node.slowsLearning { return node }
            return nil
        }
    }

    /// The first saturated node of a step that slows learning.
    static func slowingNode(in facts: [StepFact]) -> SaturatedNode? { slowingNodes(in: facts).first }
}
