extension TrainingRun {
    /// The mean, over the n training examples, of how many nodes of hidden layer l are
    /// saturated, with the given parameters and no dropout:
    /// (1/n) Σ_m #{ j : f′(z_{l,j}(m)) < a tenth of f′'s largest value }.
    ///
    /// A node counts as saturated by the one predicate the screen's sentences and its
    /// breakpoint use (``SaturatedNode``, which for a hidden node is saturation alone), and
    /// z_l is computed by the engine's own feedforward, so a count for an example is what the
    /// screen shows for it. Each example's count is an integer from 0 to n_l; their mean says
    /// how many of the layer's nodes a typical input saturates.
    ///
    /// - Returns: the mean, or where feedforward met a NaN or ∞ at or before layer l.
    /// - Precondition: l is a hidden layer, 1 … L − 1.
    public func meanSaturatedNodes(layer l: Int, parameters: Parameters) -> Result<Double, OutputFailure> {
        precondition((1..<network.L).contains(l), "layer \(l) is not a hidden layer")
        precondition(parameters.weights.count == network.weightCount && parameters.biases.count == network.biasCount,
                     "the parameters do not fit the network")
        // A fresh engine of its own: the run's replay engine holds the state a trace was
        // replayed to, and evaluation must not disturb it.
        let engine = Engine(network: network, data: training, configuration: configuration)
        engine.load(parameters)
        let f = network.activation(l), base = network.nodeOffset(l)
        var random = DeltaRandom(seed: 0)
        var saturated = 0
        for m in 0..<training.count {
            let failure = training.inputs.withUnsafeBufferPointer { x in
                engine.feedforward(x: x.baseAddress! + m * network.n(0), slot: 0, masks: .none, random: &random)
            }
            if let (quantity, fl, j, value) = failure, fl <= l {
                return .failure(OutputFailure(quantity: quantity, layer: fl, node: j, value: value))
            }
            for j in 0..<network.n(l) {
                let z = engine.z[base + j]
                if SaturatedNode(layer: l, node: j, activation: f, z: z, a: engine.a[base + j],
                                 derivative: f.derivative(z), output: nil) != nil {
                    saturated += 1
                }
            }
        }
        return .success(Double(saturated) / Double(training.count))
    }
}
