/// The arithmetic of training: feedforward, output error, backpropagation and gradient
/// descent over flat, preallocated storage.
///
/// One engine serves training, replay from checkpoints, evaluation and the gradient
/// check, so every number the trace shows is computed by the same code. It allocates its
/// buffers once; an update that is not recorded allocates nothing.
final class Engine {
    let network: Network
    let data: Dataset
    let configuration: TrainingConfiguration
    /// The largest minibatch, the number of example slots.
    let slots: Int

    /// The current parameters.
    let w: UnsafeMutableBufferPointer<Double>
    let b: UnsafeMutableBufferPointer<Double>
    /// z, a, δ and dropout masks of each slot, `nodeCount` per slot.
    let z: UnsafeMutableBufferPointer<Double>
    let a: UnsafeMutableBufferPointer<Double>
    let delta: UnsafeMutableBufferPointer<Double>
    let mask: UnsafeMutableBufferPointer<Double>
    /// y, ∂C/∂a and f′(z) of the output layer for each slot, n_L per slot.
    let y: UnsafeMutableBufferPointer<Double>
    let dCda: UnsafeMutableBufferPointer<Double>
    let fPrime: UnsafeMutableBufferPointer<Double>
    /// C(m) of each slot.
    let costs: UnsafeMutableBufferPointer<Double>
    /// Σ_m a_{l−1,i}(m) δ_{l,j}(m), then divided by M.
    let gradW: UnsafeMutableBufferPointer<Double>
    let gradB: UnsafeMutableBufferPointer<Double>
    /// The optimiser's moments of every weight and bias, in ``Optimizer/momentNames`` order.
    let momentW: [UnsafeMutableBufferPointer<Double>]
    let momentB: [UnsafeMutableBufferPointer<Double>]
    /// Where gradient descent writes the new parameters and moments before any is committed.
    let nextW: UnsafeMutableBufferPointer<Double>
    let nextB: UnsafeMutableBufferPointer<Double>
    let nextMomentW: [UnsafeMutableBufferPointer<Double>]
    let nextMomentB: [UnsafeMutableBufferPointer<Double>]

    /// How dropout masks are chosen for a feedforward pass.
    enum Masks: Equatable {
        /// No dropout (evaluation, or p = 0).
        case none
        /// Draw each mask entry from the generator: kept when a uniform draw is ≥ p.
        case draw
        /// Use the masks already in the mask buffer (the gradient check).
        case fixed
    }

    init(network: Network, data: Dataset, configuration: TrainingConfiguration) {
        self.network = network
        self.data = data
        self.configuration = configuration
        slots = max(1, min(configuration.batchSize, data.count))
        let nodes = network.nodeCount, outputs = network.n(network.L)
        func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            let p = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0)
            return p
        }
        w = buffer(network.weightCount)
        b = buffer(network.biasCount)
        z = buffer(slots * nodes)
        a = buffer(slots * nodes)
        delta = buffer(slots * nodes)
        mask = buffer(slots * nodes)
        y = buffer(slots * outputs)
        dCda = buffer(slots * outputs)
        fPrime = buffer(slots * outputs)
        costs = buffer(slots)
        gradW = buffer(network.weightCount)
        gradB = buffer(network.biasCount)
        let moments = configuration.optimizer.momentNames.count
        momentW = (0..<moments).map { _ in buffer(network.weightCount) }
        momentB = (0..<moments).map { _ in buffer(network.biasCount) }
        nextW = buffer(network.weightCount)
        nextB = buffer(network.biasCount)
        nextMomentW = (0..<moments).map { _ in buffer(network.weightCount) }
        nextMomentB = (0..<moments).map { _ in buffer(network.biasCount) }
        mask.update(repeating: 1)
    }

    deinit {
        for p in [w, b, z, a, delta, mask, y, dCda, fPrime, costs, gradW, gradB, nextW, nextB]
            + momentW + momentB + nextMomentW + nextMomentB { p.deallocate() }
    }

    // MARK: State

    /// Makes `state` the current parameters and optimiser state.
    func load(_ state: TrainingState) {
        _ = w.update(fromContentsOf: state.parameters.weights)
        _ = b.update(fromContentsOf: state.parameters.biases)
        for (k, moment) in state.optimizer.moments.enumerated() {
            _ = momentW[k].update(fromContentsOf: moment.weights)
            _ = momentB[k].update(fromContentsOf: moment.biases)
        }
    }

    /// Makes `p` the current parameters, with the optimiser's state as before the first update.
    func load(_ p: Parameters) {
        load(TrainingState(parameters: p, optimizer: configuration.optimizer.initialState(for: network)))
    }

    /// The current parameters, copied out.
    var parameters: Parameters { Parameters(weights: Array(w), biases: Array(b)) }

    /// The current parameters and optimiser state, copied out.
    var state: TrainingState {
        TrainingState(parameters: parameters, optimizer: OptimizerState(moments: zip(configuration.optimizer.momentNames, zip(momentW, momentB)).map {
            OptimizerState.Moment(name: $0, weights: Array($1.0), biases: Array($1.1))
        }))
    }

    // MARK: One example

    /// Feedforward of one input through layers 1 … L into slot s: a_0 = x, then for each
    /// layer z_{l,j} = b_{l,j} + Σ_i a_{l−1,i} w_{l,i,j} (summed in order of i) and
    /// a_l = f(z_l), scaled by the dropout factor r/(1 − p) on hidden layers.
    ///
    /// - Returns: the first non-finite z or a, as (quantity, layer, node, value).
    func feedforward(x: UnsafePointer<Double>, slot s: Int, masks: Masks, random: inout DeltaRandom)
        -> (NonFiniteEvent.Quantity, Int, Int, Double)? {
        let base = s * network.nodeCount
        let zs = z.baseAddress! + base, as_ = a.baseAddress! + base, rs = mask.baseAddress! + base
        for i in 0..<network.n(0) { as_[i] = x[i] }
        let p = configuration.dropout
        for l in 1...network.L {
            let nIn = network.n(l - 1), nOut = network.n(l)
            let aIn = as_ + network.nodeOffset(l - 1)
            let zl = zs + network.nodeOffset(l), al = as_ + network.nodeOffset(l)
            let wl = w.baseAddress! + network.weightOffset(l), bl = b.baseAddress! + network.biasOffset(l)
            for j in 0..<nOut { zl[j] = bl[j] }
            for i in 0..<nIn {
                let ai = aIn[i], row = wl + i * nOut
                for j in 0..<nOut { zl[j] += ai * row[j] }
            }
            for j in 0..<nOut where !zl[j].isFinite { return (.z, l, j, zl[j]) }
            network.activation(l).apply(z: zl, to: al, count: nOut)
            if l < network.L && p > 0 {
                let rl = rs + network.nodeOffset(l)
                if masks == .draw {
                    for j in 0..<nOut { rl[j] = random.nextUnit() >= p ? 1 : 0 }
                }
                if masks != .none {
                    let scale = 1 / (1 - p)
                    for j in 0..<nOut { al[j] *= rl[j] * scale }
                }
            }
            for j in 0..<nOut where !al[j].isFinite { return (.a, l, j, al[j]) }
        }
        return nil
    }

    /// The cost C of slot s against target y, with the parameters of its feedforward.
    func cost(slot s: Int, y target: UnsafePointer<Double>) -> Double {
        let L = network.L, base = s * network.nodeCount + network.nodeOffset(L)
        return network.cost.value(z: z.baseAddress! + base, a: a.baseAddress! + base, y: target,
                                  count: network.n(L), output: network.outputActivation)
    }

    /// The output error of slot s: ∂C/∂a_L and f′(z_L), and δ_L = ∂C/∂a ⊙ f′(z) — through
    /// the full Jacobian for softmax, and by the exact simplification where f′ cancels.
    ///
    /// Where an output has saturated so far that its stored a has rounded away the digits of
    /// 1 − a (``Activation/complementHasRounded(a:)``), the differences from 1 are taken from
    /// z (``Activation/complement(of:z:a:count:)``): the softmax diagonal a_j(1 − a_j) and the
    /// simplifications a − y and y(a − 1); the softmax Jacobian's product is taken apart where
    /// it cancels (``Activation/jacobianProduct(gradient:a:count:into:paired:)``). Everywhere
    /// else the arithmetic is the textbook's on the stored a, bit for bit.
    ///
    /// - Returns: the first non-finite δ_{L,j}, as (node, value).
    func outputError(slot s: Int) -> (Int, Double)? {
        let L = network.L, n = network.n(L), output = network.outputActivation
        let nodes = s * network.nodeCount + network.nodeOffset(L)
        let zL = z.baseAddress! + nodes, aL = a.baseAddress! + nodes, dL = delta.baseAddress! + nodes
        let yL = y.baseAddress! + s * n, g = dCda.baseAddress! + s * n, f = fPrime.baseAddress! + s * n
        network.cost.gradient(z: zL, a: aL, y: yL, count: n, output: output, into: g)
        for j in 0..<n {
            f[j] = output.isElementwise ? output.derivative(zL[j]) : aL[j] * output.complement(of: j, z: zL, a: aL, count: n)
        }
        switch network.cost.simplification(with: output) {
        case .activationMinusTarget?:
            for j in 0..<n { dL[j] = output.difference(of: j, minus: yL[j], z: zL, a: aL, count: n) }
        case .targetTimesActivationMinusOne?:
            for j in 0..<n { dL[j] = yL[j] * output.difference(of: j, minus: 1, z: zL, a: aL, count: n) }
        case nil where output.isElementwise:
            for j in 0..<n { dL[j] = g[j] * f[j] }
        case nil:
            // δ_j = Σ_k ∂C/∂a_k · a_k (1[j = k] − a_j) = a_j (∂C/∂a_j − Σ_k ∂C/∂a_k a_k).
            output.jacobianProduct(gradient: g, a: aL, count: n, into: dL)
        }
        for j in 0..<n where !dL[j].isFinite { return (j, dL[j]) }
        return nil
    }

    /// Backpropagate slot s from layer l to layer l − 1:
    /// δ_{l−1,i} = f′(z_{l−1,i}) · r_{l−1,i}/(1 − p) · Σ_j w_{l,i,j} δ_{l,j}.
    ///
    /// - Returns: the first non-finite δ_{l−1,i}, as (node, value).
    func backpropagate(slot s: Int, layer l: Int) -> (Int, Double)? {
        let base = s * network.nodeCount
        let nIn = network.n(l - 1), nOut = network.n(l)
        let dl = delta.baseAddress! + base + network.nodeOffset(l)
        let dPrev = delta.baseAddress! + base + network.nodeOffset(l - 1)
        let zPrev = z.baseAddress! + base + network.nodeOffset(l - 1)
        let rPrev = mask.baseAddress! + base + network.nodeOffset(l - 1)
        let wl = w.baseAddress! + network.weightOffset(l)
        let f = network.activation(l - 1)
        let scale = configuration.dropout > 0 ? 1 / (1 - configuration.dropout) : 1
        for i in 0..<nIn {
            let row = wl + i * nOut
            var sum = 0.0
            for j in 0..<nOut { sum += row[j] * dl[j] }
            let factor = (configuration.dropout > 0 ? rPrev[i] * scale : 1) * f.derivative(zPrev[i])
            // A dropped or inactive node passes back no error, however large the sum.
            dPrev[i] = factor == 0 ? 0 : factor * sum
        }
        for i in 0..<nIn where !dPrev[i].isFinite { return (i, dPrev[i]) }
        return nil
    }

    // MARK: One update

    /// The outcome of one update.
    struct Outcome {
        /// The mean cost of the minibatch before the update.
        var cost: Double
        /// The first non-finite value, if training must stop.
        var failure: NonFiniteEvent?
    }

    /// Trains on one minibatch: for each example feedforward, output error and
    /// backpropagation, accumulating a_{l−1,i}(m) δ_{l,j}(m); then one gradient-descent
    /// step per layer L … 1 with the averaged gradient. Updates the current parameters.
    ///
    /// - Parameters:
    ///   - examples: the dataset indices of the minibatch, in order.
    ///   - globalUpdate: the update's index in the run, which keys its dropout stream.
    ///   - position: epoch and update (from 1), for reporting a non-finite value.
    func train(examples: ArraySlice<Int>, globalUpdate: Int, epoch: Int, update: Int) -> Outcome {
        let L = network.L, M = examples.count, nL = network.n(L)
        var random = DeltaRandom(seed: configuration.seed, stream: RandomStream.dropout.rawValue, UInt64(globalUpdate))
        let masks: Masks = configuration.dropout > 0 ? .draw : .none
        gradW.update(repeating: 0)
        gradB.update(repeating: 0)
        clearSlots(M)
        func at(_ step: Step) -> TracePosition { TracePosition(epoch: epoch, update: update, step: step) }
        for (slot, index) in examples.enumerated() {
            let m = slot + 1
            let target = y.baseAddress! + slot * nL
            data.targets.withUnsafeBufferPointer { t in
                for j in 0..<nL { target[j] = t[index * nL + j] }
            }
            let failure = data.inputs.withUnsafeBufferPointer { x in
                feedforward(x: x.baseAddress! + index * network.n(0), slot: slot, masks: masks, random: &random)
            }
            if let (quantity, l, j, value) = failure {
                return Outcome(cost: .nan, failure: NonFiniteEvent(
                    position: at(.feedforward(example: m, layer: l)), quantity: quantity, layer: l, node: j, value: value))
            }
            costs[slot] = cost(slot: slot, y: target)
            if !costs[slot].isFinite {
                return Outcome(cost: .nan, failure: NonFiniteEvent(
                    position: at(.outputError(example: m)), quantity: .cost, layer: L,
                    node: worstOutput(slot: slot, y: target), value: costs[slot]))
            }
            if let (j, value) = outputError(slot: slot) {
                return Outcome(cost: .nan, failure: NonFiniteEvent(
                    position: at(.outputError(example: m)), quantity: .delta, layer: L, node: j, value: value))
            }
            if L >= 2 {
                for l in stride(from: L, through: 2, by: -1) {
                    if let (i, value) = backpropagate(slot: slot, layer: l) {
                        return Outcome(cost: .nan, failure: NonFiniteEvent(
                            position: at(.backpropagate(example: m, layer: l)), quantity: .delta, layer: l - 1, node: i, value: value))
                    }
                }
            }
            accumulateGradient(slot: slot)
        }
        var total = 0.0
        for s in 0..<M { total += costs[s] }
        return Outcome(cost: total / Double(M), failure: descend(batchSize: M) { at(.gradientDescent(layer: $0)) })
    }

    /// Sets z, a, δ and the output-layer values of the first M slots to 0 and their masks
    /// to 1, so that a recorded update that stops early shows 0 for what it never computed,
    /// whatever the engine computed before.
    func clearSlots(_ M: Int) {
        let nodes = M * network.nodeCount, outputs = M * network.n(network.L)
        z.baseAddress!.update(repeating: 0, count: nodes)
        a.baseAddress!.update(repeating: 0, count: nodes)
        delta.baseAddress!.update(repeating: 0, count: nodes)
        mask.baseAddress!.update(repeating: 1, count: nodes)
        y.baseAddress!.update(repeating: 0, count: outputs)
        dCda.baseAddress!.update(repeating: 0, count: outputs)
        fPrime.baseAddress!.update(repeating: 0, count: outputs)
        costs.baseAddress!.update(repeating: 0, count: M)
    }

    /// Adds slot s's a_{l−1,i} δ_{l,j} and δ_{l,j} to the gradient sums.
    func accumulateGradient(slot s: Int) {
        let base = s * network.nodeCount
        for l in 1...network.L {
            let nIn = network.n(l - 1), nOut = network.n(l)
            let aIn = a.baseAddress! + base + network.nodeOffset(l - 1)
            let dl = delta.baseAddress! + base + network.nodeOffset(l)
            let gw = gradW.baseAddress! + network.weightOffset(l), gb = gradB.baseAddress! + network.biasOffset(l)
            for i in 0..<nIn {
                let ai = aIn[i], row = gw + i * nOut
                for j in 0..<nOut { row[j] += ai * dl[j] }
            }
            for j in 0..<nOut { gb[j] += dl[j] }
        }
    }

    /// Gradient descent: ∂C_0/∂w = Σ_m a δ / M for every layer, then for l = L … 1 the
    /// optimiser's step on the layer's weights (with the regulariser's term) and biases.
    ///
    /// Every new value is computed and checked before any is written — gradients first,
    /// then the new value, weights before biases, layer by layer from L down — so a
    /// non-finite one stops training with the parameters and the optimiser's state as they
    /// were before the update.
    func descend(batchSize M: Int, position: (Int) -> TracePosition) -> NonFiniteEvent? {
        let eta = configuration.eta, n = data.count, optimizer = configuration.optimizer
        let count = Double(M)
        for k in 0..<gradW.count { gradW[k] /= count }
        for k in 0..<gradB.count { gradB[k] /= count }
        for l in stride(from: network.L, through: 1, by: -1) {
            let nOut = network.n(l), wo = network.weightOffset(l), bo = network.biasOffset(l)
            let weights = network.n(l - 1) * nOut
            optimizer.step(slice(w, gradW, nextW, momentW, nextMomentW, offset: wo, count: weights, regularized: true),
                           eta: eta, regularization: configuration.regularization, trainingSetSize: n)
            for k in wo..<(wo + weights) where !gradW[k].isFinite || !nextW[k].isFinite {
                return NonFiniteEvent(position: position(l), quantity: gradW[k].isFinite ? .weight : .weightGradient,
                                      layer: l, node: (k - wo) % nOut, from: (k - wo) / nOut,
                                      value: gradW[k].isFinite ? nextW[k] : gradW[k])
            }
            optimizer.step(slice(b, gradB, nextB, momentB, nextMomentB, offset: bo, count: nOut, regularized: false),
                           eta: eta, regularization: configuration.regularization, trainingSetSize: n)
            for k in bo..<(bo + nOut) where !gradB[k].isFinite || !nextB[k].isFinite {
                return NonFiniteEvent(position: position(l), quantity: gradB[k].isFinite ? .bias : .biasGradient,
                                      layer: l, node: k - bo, value: gradB[k].isFinite ? nextB[k] : gradB[k])
            }
            // An optimiser's moment that overflows stops training as surely as a parameter.
            for (k, name) in optimizer.momentNames.enumerated() {
                if let i = (wo..<(wo + weights)).first(where: { !nextMomentW[k][$0].isFinite }) {
                    return NonFiniteEvent(position: position(l), quantity: .moment(name), layer: l, node: (i - wo) % nOut,
                                          from: (i - wo) / nOut, value: nextMomentW[k][i])
                }
                if let i = (bo..<(bo + nOut)).first(where: { !nextMomentB[k][$0].isFinite }) {
                    return NonFiniteEvent(position: position(l), quantity: .moment(name), layer: l, node: i - bo, value: nextMomentB[k][i])
                }
            }
        }
        _ = w.update(fromContentsOf: nextW)
        _ = b.update(fromContentsOf: nextB)
        for (current, next) in zip(momentW + momentB, nextMomentW + nextMomentB) { _ = current.update(fromContentsOf: next) }
        return nil
    }

    /// The part of the flat buffers an optimiser's step works on.
    private func slice(_ current: UnsafeMutableBufferPointer<Double>, _ gradient: UnsafeMutableBufferPointer<Double>,
                       _ next: UnsafeMutableBufferPointer<Double>, _ moments: [UnsafeMutableBufferPointer<Double>],
                       _ nextMoments: [UnsafeMutableBufferPointer<Double>], offset: Int, count: Int, regularized: Bool) -> ParameterSlice {
        ParameterSlice(current: UnsafePointer(current.baseAddress! + offset), gradient: UnsafePointer(gradient.baseAddress! + offset),
                       next: next.baseAddress! + offset, moments: moments.map { UnsafePointer($0.baseAddress! + offset) },
                       nextMoments: nextMoments.map { $0.baseAddress! + offset }, count: count, isRegularized: regularized)
    }

    /// The output node whose error (y_j − a_j) is largest, to name in a report of a
    /// non-finite cost.
    func worstOutput(slot s: Int, y target: UnsafePointer<Double>) -> Int {
        let aL = a.baseAddress! + s * network.nodeCount + network.nodeOffset(network.L)
        var worst = 0
        for j in 0..<network.n(network.L) where !(abs(target[j] - aL[j]) <= abs(target[worst] - aL[worst])) { worst = j }
        return worst
    }

    // MARK: Evaluation

    /// The mean cost (without the regularisation term) and the fraction classified
    /// correctly, over a dataset, with the current parameters and no dropout.
    func evaluate(_ dataset: Dataset, accuracy rule: AccuracyRule) -> (cost: Double, accuracy: Double?) {
        let L = network.L, nL = network.n(L), base = network.nodeOffset(L)
        var random = DeltaRandom(seed: 0)
        var total = 0.0, correct = 0
        dataset.inputs.withUnsafeBufferPointer { x in
            dataset.targets.withUnsafeBufferPointer { t in
                for m in 0..<dataset.count {
                    let target = t.baseAddress! + m * nL
                    if feedforward(x: x.baseAddress! + m * network.n(0), slot: 0, masks: .none, random: &random) != nil {
                        total = .nan
                        continue
                    }
                    total += cost(slot: 0, y: target)
                    if rule.isCorrect(output: UnsafePointer(a.baseAddress! + base), target: target, count: nL) { correct += 1 }
                }
            }
        }
        let count = Double(dataset.count)
        return (total / count, rule == .none ? nil : Double(correct) / count)
    }

    /// a_L for one input, with the current parameters and no dropout; or, when feedforward
    /// meets a NaN or ∞, where it did: (quantity, layer, node, value).
    func output(for x: [Double]) -> Result<[Double], OutputFailure> {
        var random = DeltaRandom(seed: 0)
        if let (quantity, l, j, value) = x.withUnsafeBufferPointer({ feedforward(x: $0.baseAddress!, slot: 0, masks: .none, random: &random) }) {
            return .failure(OutputFailure(quantity: quantity, layer: l, node: j, value: value))
        }
        let base = network.nodeOffset(network.L)
        return .success(Array(a[base..<base + network.n(network.L)]))
    }

    /// A recorded copy of what the last ``train(examples:globalUpdate:epoch:update:)`` computed.
    func record(examples: ArraySlice<Int>, globalUpdate: Int, epoch: Int, update: Int,
                before: TrainingState, failure: NonFiniteEvent?) -> UpdateTrace {
        let M = examples.count, nodes = network.nodeCount, nL = network.n(network.L)
        // A failure before gradient descent leaves the parameters untouched and the
        // gradient sums incomplete: record no change and no gradient.
        let descended = failure.map { $0.position.step.phase == .gradientDescent } ?? true
        return UpdateTrace(
            network: network, epoch: epoch, update: update, globalUpdate: globalUpdate,
            exampleIndices: Array(examples),
            z: Array(z[0..<M * nodes]), a: Array(a[0..<M * nodes]), delta: Array(delta[0..<M * nodes]),
            mask: configuration.dropout > 0 ? Array(mask[0..<M * nodes]) : [],
            targets: Array(y[0..<M * nL]), costGradient: Array(dCda[0..<M * nL]),
            outputDerivative: Array(fPrime[0..<M * nL]), costs: Array(costs[0..<M]),
            before: before,
            weightGradient: descended ? Array(gradW) : Array(repeating: 0, count: gradW.count),
            biasGradient: descended ? Array(gradB) : Array(repeating: 0, count: gradB.count),
            after: descended && failure == nil ? state : before,
            eta: configuration.eta, optimizer: configuration.optimizer, regularization: configuration.regularization,
            trainingSetSize: data.count, dropout: configuration.dropout, failure: failure)
    }
}

extension Engine {
    /// The mean cost C_0 of the first M slots' examples with the current parameters,
    /// reusing the dropout masks already in the mask buffer (for the gradient check).
    func cost(examples: ArraySlice<Int>) -> Double {
        let nL = network.n(network.L)
        var random = DeltaRandom(seed: 0)
        var total = 0.0
        for (slot, index) in examples.enumerated() {
            let failed = data.inputs.withUnsafeBufferPointer { x in
                feedforward(x: x.baseAddress! + index * network.n(0), slot: slot,
                            masks: configuration.dropout > 0 ? .fixed : .none, random: &random)
            }
            if failed != nil { return .nan }
            total += data.targets.withUnsafeBufferPointer { cost(slot: slot, y: $0.baseAddress! + index * nL) }
        }
        return total / Double(examples.count)
    }

    /// Whether any ReLU node of the first `count` slots has z on the other side of 0 than
    /// in `baseline` (a copy of the z buffer).
    func reluSignsDiffer(from baseline: [Double], examples count: Int) -> Bool {
        for l in 1...network.L where network.activation(l) == .relu {
            for s in 0..<count {
                let start = s * network.nodeCount + network.nodeOffset(l)
                for k in start..<(start + network.n(l)) where (z[k] > 0) != (baseline[k] > 0) { return true }
            }
        }
        return false
    }
}
