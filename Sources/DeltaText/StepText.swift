import DeltaCore

/// The names of steps and positions, as the screen, the command line and lesson errors
/// write them. Layers and examples are numbered from 1, nodes from 1, as the lecture does.
public enum StepText {
    /// A pane's title for a step: "Feedforward, layer 2", "Output error, layer 2",
    /// "Backpropagate, layer 2 → 1", "Gradient descent, layer 1".
    public static func title(_ step: Step, outputLayer L: Int) -> String {
        switch step {
        case .feedforward(_, let l): return "Feedforward, layer \(l)"
        case .outputError: return "Output error, layer \(L)"
        case .backpropagate(_, let l): return "Backpropagate, layer \(l) → \(l - 1)"
        case .gradientDescent(let l): return "Gradient descent, layer \(l)"
        }
    }

    /// A step in a few words: "feedforward l=1", "output error l=2",
    /// "backpropagate l=2→1", "gradient descent l=2".
    public static func short(_ step: Step, outputLayer L: Int) -> String {
        switch step {
        case .feedforward(_, let l): return "feedforward l=\(l)"
        case .outputError: return "output error l=\(L)"
        case .backpropagate(_, let l): return "backpropagate l=\(l)→\(l - 1)"
        case .gradientDescent(let l): return "gradient descent l=\(l)"
        }
    }

    /// A position in words: "epoch 3, update 1, example 2, backpropagate l=3" (gradient
    /// descent has no example: "epoch 3, update 1, gradient descent l=2").
    public static func position(_ p: TracePosition) -> String {
        let step: String
        switch p.step {
        case .feedforward(let m, let l): step = "example \(m), feedforward l=\(l)"
        case .outputError(let m): step = "example \(m), output error"
        case .backpropagate(let m, let l): step = "example \(m), backpropagate l=\(l)"
        case .gradientDescent(let l): step = "gradient descent l=\(l)"
        }
        return "epoch \(p.epoch), update \(p.update), \(step)"
    }

    /// Why a named position is not a step of a run, and what the run does have.
    public static func problem(_ error: PositionError, layout: TraceLayout) -> (message: String, hint: String) {
        let kinds = Phase.allCases.map { "\($0.rawValue) (\($0.abbreviations[0]))" }
        switch error {
        case .unknownStep(let word):
            let names = Phase.allCases.flatMap { [$0.rawValue] + $0.abbreviations }
            let guess = Suggestion.didYouMean(word, among: names)
            return ("unknown step `\(word)`", "\(guess)use one of: \(Suggestion.listing(kinds))")
        case .tooManyNumbers:
            return ("a position has at most three numbers: epoch, update, example", "e.g. 12 1 2 oe")
        case .notInRun(let p):
            let update = min(max(p.update, 1), layout.updatesPerEpoch)
            let L = layout.layers
            var hint = "epochs run 1…\(layout.epochs), updates 1…\(layout.updatesPerEpoch), examples 1…\(layout.examples(inUpdate: update)), layers 1…\(L)"
            if p.step.phase == .backpropagate { hint += L >= 2 ? " (backpropagate runs l = \(L)…2)" : " (a one-layer network never backpropagates)" }
            return ("there is no step \(position(p)) in this run", hint)
        }
    }
}
