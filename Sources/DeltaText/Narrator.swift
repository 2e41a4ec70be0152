import DeltaCore

/// Words every fact, run ending and non-finite value for a person. Nothing else in
/// DeltaTrace phrases them, so the screen, the command line and a transcript say the same
/// thing, and say only what the value's conditions make true.
public enum Narrator {
    // MARK: Facts

    /// A fact about a step, in one or two sentences.
    public static func say(_ fact: StepFact) -> Sentence {
        switch fact {
        case .saturated(let node): return say(node)
        case .derivativeCancels(let cost, let activation, let simplification):
            return Sentence("With \(cost) and \(activation) outputs the derivative cancels exactly: δ = \(form(simplification)).", tone: .good)
        case .droppedOut(let l, let j):
            return Sentence("Node \(j + 1) of layer \(l) is dropped out for this example: its a and δ are 0.", tone: .aside)
        case .inactive(let l, let j, let z):
            return Sentence("ReLU node \(j + 1) of layer \(l) has z = \(number(z)) ≤ 0: relu′ = 0, so no error passes back through it.", tone: .aside)
        case .weightDecay(let factor):
            // A factor within 10⁻⁸ of 1 would print as "1": write how far below 1 it is.
            let written = 1 - factor < 5e-9 ? "1 − \(NumberText.format(1 - factor))" : NumberText.format(factor, digits: 8)
            return Sentence("L2: every weight is first multiplied by 1 − ηλ/n = \(written).")
        case .weightShrink(let amount):
            return Sentence("L1: every weight first moves ηλ/n = \(NumberText.format(amount)) towards 0.")
        }
    }

    /// A saturated node: whether and why it slows learning (``SaturatedNode/slowsLearning``).
    static func say(_ s: SaturatedNode) -> Sentence {
        let f = derivativeName(s.activation)
        // Beyond |z| ≈ 745, e^−|z| underflows: f′ is then 0 in double precision.
        let underflowed = s.derivative == 0
        // Before the step that computes f′ (at feedforward), say what it will be, not its value.
        let tiny = !s.derivativeComputed ? "\(f) will be tiny" : underflowed ? "\(f) has underflowed to 0" : "\(f) = \(number(s.derivative)) is tiny"
        guard let output = s.output, let error = s.error else {
            let tenth = "a tenth of its largest value, \(number(s.activation.maximumDerivative))"
            let below = !s.derivativeComputed ? "\(f) will be below \(tenth)" : underflowed ? "\(f) has underflowed to 0"
                : "\(f) = \(number(s.derivative)) is below \(tenth)"
            return Sentence("\(below): node \(s.node + 1) of layer \(s.layer) is saturated (z = \(number(s.z))), so its δ is only \(f) times the error that reaches it, and the weights into it learn slowly.",
                            tone: .warning)
        }
        // a and y with the digits that tell them apart: never "a = 1 … y = 1" beside a − y ≠ 0.
        let (a, y) = ExprText(digits: 3).separated(s.a, output.target)
        let node = "output node \(s.node + 1) is saturated at a = \(a)"
        let target = s.isWrong ? "far from its target y = \(y)" : "close to its target y = \(y)"
        if let simplification = output.simplification {
            let delta = output.delta.map { "δ = \(form(simplification)) = \(number($0))" }
            if simplification == .targetTimesActivationMinusOne {
                // δ = y(a − 1) carries no f′, but it is as large as the error only where y = 1.
                let value = delta ?? "δ will be y(a − 1)"
                return Sentence("\(tiny): \(node), \(target). The \(output.cost) cost cancels \(f): \(value), without \(f) in it.")
            }
            if s.isWrong {
                let large = delta.map { "\($0) stays as large as the error" } ?? "δ will be \(form(simplification)), as large as the error"
                return Sentence("\(tiny) — \(node), \(target) — but the \(output.cost) cost cancels \(f): \(large), so learning stays fast.",
                                tone: .good)
            }
            let small = delta.map { "\($0) is small" } ?? "δ will be \(form(simplification)), small"
            return Sentence("\(tiny): \(node), \(target). The \(output.cost) cost cancels \(f), and \(small) only because the answer is nearly right.")
        }
        if s.isWrong {
            let delta = output.delta.map { " = \(number($0))" } ?? ""
            // Softmax: δ_j = Σ_k ∂C/∂a_k · a_k(1[j = k] − a_j), and a saturated a_j makes every term small.
            let product = s.activation.isElementwise ? "δ = ∂C/∂a · \(f)\(delta) carries this factor"
                                                     : "δ = Σₖ ∂C/∂aₖ · ∂aₖ/∂z\(delta) is small in every term"
            return Sentence("\(tiny): \(node), \(target). \(product), so every update is small while the answer is wrong. This is why learning is slow.",
                            tone: .warning)
        }
        let difference = ExprText(digits: 3).number(error)
        return Sentence("\(tiny): \(node), \(target) (a − y = \(difference)). δ is small because the answer is nearly right: there is little left to learn.")
    }

    /// f′ by name for an activation: σ′(z), tanh′(z), relu′(z); for softmax the Jacobian's
    /// diagonal a(1 − a).
    public static func derivativeName(_ f: Activation) -> String {
        switch f {
        case .sigmoid: return "σ′(z)"
        case .tanh: return "tanh′(z)"
        case .relu: return "relu′(z)"
        case .linear: return "f′(z)"
        case .softmax: return "a(1 − a)"
        }
    }

    // MARK: Substituted forms

    /// A value a substituted form took from z, not from the stored a it names: "1 − a₂,₁ is
    /// computed as σ(−z₂,₁) = 2.06e−9: from the stored a₂,₁ = 0.99999999794 it would keep
    /// only 7 of its 16 digits." The stored value is written with enough digits to tell it
    /// from 1.
    public static func say(_ note: StableValue) -> Sentence {
        let text = ExprText(digits: 6)
        let computed = "\(text.render(note.expression)) is computed as \(text.render(note.form)) = \(number(note.value))"
        switch note.reason {
        case .rounded(let quantity, let stored):
            let value = ExprText(digits: 3).separated(stored, stored < 0 ? -1 : 1).0
            // The stored value is off by up to half a unit in its last place; against a result
            // this small that leaves −log₁₀(error/|result|) correct digits of the 16 a double has.
            let kept = note.value == 0 ? 0 : Int((-PortableMath.log(stored.ulp / 2 / abs(note.value)) / PortableMath.log(10)).rounded(.down))
            let keeps = kept <= 0 ? "it would keep none of its digits" : "it would keep only \(min(kept, 15)) of its 16 digits"
            return Sentence("\(computed): from the stored \(text.render(quantity)) = \(value) \(keeps).", tone: .aside)
        case .underflow(let quantity, let stored):
            let below = stored == 0 ? "to 0" : "to \(number(stored)), below the smallest normal double (2.2e−308), losing its digits"
            return Sentence("\(computed): \(text.render(quantity)) has underflowed \(below).", tone: .aside)
        case .cancellation:
            return Sentence("\(computed): added term by term, its terms cancel and take the digits with them.", tone: .aside)
        }
    }

    /// Why a substituted form is not shown with "=" beside the stored result (its
    /// ``Substitution/agreement``), or nil when it is equal.
    public static func say(_ s: Substitution) -> Sentence? {
        let result = number(s.result)
        switch s.agreement {
        case .equal:
            return nil
        case .approximate:
            let value = s.value ?? .nan
            let (shown, stored) = ExprText(digits: 3).separated(value, s.result)
            let agreeing = max(1, Int((-PortableMath.log(abs(value - s.result) / max(abs(value), abs(s.result))) / PortableMath.log(10)).rounded(.down)))
            return Sentence("≈, not =: these numbers give \(shown), the stored result is \(stored); they agree to about \(agreeing) digits, the rest was lost to rounding.",
                            tone: .aside)
        case .notEvaluable:
            guard let value = s.value else {
                return Sentence("This form cannot be evaluated with this step's numbers, so it is not shown with “=”.")
            }
            guard !value.isFinite, let part = s.nonFinitePart else {
                return Sentence("These numbers give \(number(value)), not the stored \(result), so the form is not shown with “=”.")
            }
            let cause: String
            if case .number(let x) = part {
                cause = "one of its numbers is \(number(x))" + (x.isNaN ? "" : " (it overflowed)")
            } else {
                cause = "in floating point \(ExprText(digits: 3).render(part)) = \(number(part.evaluated() ?? .nan))"
            }
            return Sentence("This form cannot be evaluated here: \(cause), so it gives \(number(value)), not the stored \(result), and is not shown with “=”.")
        }
    }

    /// The exact form of δ_L: "a − y" or "y(a − 1)".
    private static func form(_ s: OutputErrorSimplification) -> String {
        switch s {
        case .activationMinusTarget: return "a − y"
        case .targetTimesActivationMinusOne: return "y(a − 1)"
        }
    }

    /// A number in a sentence: three significant digits.
    private static func number(_ x: Double) -> String { NumberText.format(x, digits: 3) }

    // MARK: Non-finite values and endings

    /// "δ_{2,1} = NaN at epoch 3, update 1, example 2, backpropagate l=3", with nodes
    /// numbered from 1 as in the lecture (`minus: .ascii` writes nan, inf and -inf, for the
    /// command line).
    public static func say(_ event: NonFiniteEvent, minus: NumberText.Minus = .unicode) -> String {
        let value = NumberText.format(event.value, minus: minus)
        let at = StepText.position(event.position)
        if event.quantity == .cost {
            return "C = \(value) at \(at)" + (event.node.map { " (output node \($0 + 1) furthest from its target)" } ?? "")
        }
        return "\(symbol(event.quantity, layer: event.layer, node: event.node, from: event.from)) = \(value) at \(at)"
    }

    /// Why an output could not be computed: "feedforward gives z_{1,1} = ∞".
    public static func say(_ failure: OutputFailure, minus: NumberText.Minus = .unicode) -> String {
        "feedforward gives \(symbol(failure.quantity, layer: failure.layer, node: failure.node, from: nil)) = \(NumberText.format(failure.value, minus: minus))"
    }

    /// How a run ended, in one sentence; `keptEpoch` is the epoch whose parameters the run
    /// ends with (``TrainingRun/keptEpoch``), said where it is not the last one trained.
    public static func say(_ ending: RunEnding, epochs: Int, keptEpoch: Int? = nil, minus: NumberText.Minus = .unicode) -> String {
        switch ending {
        case .completed:
            let all = epochs == 1 ? "trained its 1 epoch" : "trained all \(epochs) epochs"
            guard let kept = keptEpoch, kept != epochs else { return all }
            return all + "; early stopping's restore-best keeps \(parameters(of: kept)), where the validation measure was best"
        case .nonFinite(let event):
            return "training stopped at the first non-finite value: \(say(event, minus: minus))"
        case .stoppedEarly(let stop):
            return say(stop)
        }
    }

    /// "stopped early after epoch 12: the validation cost has not improved for 5 epochs
    /// on its best, 0.1234 after epoch 7; the parameters of epoch 7 are kept".
    public static func say(_ stop: EarlyStop) -> String {
        let metric = stop.rule.metric == .validationCost ? "validation cost" : "validation accuracy"
        let best = NumberText.format(stop.bestValue)
        let when = stop.bestEpoch == 0 ? "before training" : "after epoch \(stop.bestEpoch)"
        return "stopped early after epoch \(stop.epoch): the \(metric) has not improved for \(stop.rule.patience) epoch\(stop.rule.patience == 1 ? "" : "s") on its best, \(best) \(when); \(parameters(of: stop.keptEpoch)) are kept"
    }

    /// "the parameters of epoch 6", or "the initial parameters" for epoch 0.
    private static func parameters(of epoch: Int) -> String {
        epoch == 0 ? "the initial parameters" : "the parameters of epoch \(epoch)"
    }

    /// The quantity with its indices, nodes counted from 1: "δ_{2,1}", "w_{2,1,1}".
    private static func symbol(_ quantity: NonFiniteEvent.Quantity, layer: Int, node: Int?, from: Int?) -> String {
        var what: String
        switch quantity {
        case .z: what = "z"
        case .a: what = "a"
        case .delta: what = "δ"
        case .cost: what = "C"
        case .weightGradient: what = "∂C/∂w"
        case .biasGradient: what = "∂C/∂b"
        case .weight: what = "w"
        case .bias: what = "b"
        case .moment(let name): what = name
        }
        if let from, let node { what += "_{\(layer),\(from + 1),\(node + 1)}" } else if let node { what += "_{\(layer),\(node + 1)}" }
        return what
    }
}

extension Narrator {
    /// Why a run cannot be made, in one sentence (examples counted from 1).
    public static func say(_ error: RunError) -> String {
        switch error {
        case .configuration(let problem):
            switch problem {
            case .eta(let eta): return "η must be a positive number, not \(NumberText.written(eta))"
            case .batchSize(let m): return "a minibatch needs at least one example, not \(m)"
            case .epochs(let e): return "the number of epochs cannot be negative (\(e))"
            case .dropout(let p): return "the dropout probability must be at least 0 and below 1, not \(NumberText.written(p))"
            case .lambda(let lambda): return "λ must be 0 or more, not \(NumberText.written(lambda))"
            case .patience(let p): return "early stopping needs a patience of at least 1 epoch, not \(p)"
            }
        case .initialization(.shapeMismatch(let what)): return what
        case .initialization(.notFinite): return "an initial weight or bias is not a finite number"
        case .inputWidth(let expected, let got):
            return "the network takes \(expected) input\(expected == 1 ? "" : "s") but each example has \(got)"
        case .targetWidth(let expected, let got):
            return "the network has \(expected) output\(expected == 1 ? "" : "s") but each target has \(got) value\(got == 1 ? "" : "s")"
        case .target(let m, .outsideUnitInterval(let y)):
            return "target \(NumberText.written(y)) of example \(m + 1) is outside [0, 1], which cross-entropy needs"
        case .target(let m, .notADistribution):
            return "the target of example \(m + 1) is not a probability distribution (one-hot for a class), which log-likelihood needs"
        case .earlyStoppingNeedsValidation:
            return "early stopping watches validation data, and there is none"
        }
    }
}
