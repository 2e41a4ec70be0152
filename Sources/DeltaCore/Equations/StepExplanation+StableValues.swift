extension StepExplanation {
    /// The value of a sub-expression that a form evaluated from the stored a would get
    /// wrong, computed from z as the engine computes it, with the note that says so; nil
    /// for every other sub-expression, which is then substituted leaf by leaf.
    ///
    /// The criterion is ``Activation/roundingThreshold`` (2⁻¹⁰) and underflow, applied to the
    /// stored a of a σ, softmax or tanh node (never to a hidden node scaled by dropout):
    /// - 1 − a_{l,j} (and 1[j = k] − a_{L,j} with j = k) where 1 − a < 2⁻¹⁰, and 1 − a_{l,j}²
    ///   of tanh where 1 − a² < 2⁻¹⁰: ``Activation/complement(of:z:a:count:)``;
    /// - a_{L,j} − 1 and a_{L,j} − y_j (for a cost whose output error is the exact
    ///   δ = a − y, which the engine computes the same way) where a and y are within 2⁻¹⁰
    ///   of 1: ``Activation/difference(of:minus:z:a:count:)``;
    /// - ln a_{l,j} where 1 − a < 2⁻¹⁰ (ln a ≈ a − 1) or a has underflowed below 2⁻¹⁰²²:
    ///   −softplus(−z) for σ, z_j − ln Σ_k e^{z_k} for softmax, the cost's own arithmetic;
    /// - ln(1 − a_{l,j}) of σ where a < 2⁻¹⁰ (ln(1 − a) ≈ −a) or 1 − a, even from z, has
    ///   underflowed: −softplus(z);
    /// - the softmax Jacobian's Σ_k ∂C/∂a_k a_k(1[j = k] − a_j), for a cost that does not
    ///   cancel it, where its terms cancel below 2⁻¹⁰ of their size:
    ///   ``Activation/jacobianProduct(gradient:a:count:into:paired:)``, as the engine.
    static func stableValue(of e: Expr, in trace: UpdateTrace, example m: Int?) -> StableValue? {
        switch e {
        case .sum(let s):
            return jacobianProduct(s, in: trace, example: m)
        case .subtract(let one, .symbol(let s)) where isOne(one):
            guard let node = Node(s, trace, m), node.f == .sigmoid || node.f == .softmax, node.f.complementHasRounded(a: node.a) else { return nil }
            return StableValue(expression: .subtract(.number(1), node.aSymbol), form: node.complementForm,
                               value: node.complement, reason: .rounded(node.aSymbol, node.a))
        case .subtract(.number(1), .power(.symbol(let s), 2)):
            guard let node = Node(s, trace, m), node.f == .tanh, node.f.complementHasRounded(a: node.a) else { return nil }
            return StableValue(expression: e, form: node.complementForm, value: node.complement, reason: .rounded(node.aSymbol, node.a))
        case .subtract(.symbol(let s), .number(1)):
            guard let node = Node(s, trace, m), node.f == .sigmoid || node.f == .softmax,
                  node.f.differenceHasRounded(a: node.a, minus: 1) else { return nil }
            return StableValue(expression: e, form: .negate(node.complementForm), value: node.difference(minus: 1),
                               reason: .rounded(node.aSymbol, node.a))
        case .subtract(.symbol(let s), .symbol(let target)) where target.name == .y:
            guard let node = Node(s, trace, m), node.layer == trace.network.L, target.literalIndices == [node.j + 1],
                  trace.network.cost.simplification(with: node.f) == .activationMinusTarget else { return nil }
            let y = trace.y(node.m, node.j)
            guard node.f.differenceHasRounded(a: node.a, minus: y) else { return nil }
            return StableValue(expression: e, form: .subtract(.subtract(.number(1), .symbol(target)), node.complementForm),
                               value: node.difference(minus: y), reason: .rounded(node.aSymbol, node.a))
        case .apply(.ln, .symbol(let s)):
            guard let node = Node(s, trace, m), node.f == .sigmoid || node.f == .softmax else { return nil }
            let reason: StableValue.Reason
            if node.a < Double.leastNormalMagnitude {
                reason = .underflow(node.aSymbol, node.a)
            } else if node.f.complementHasRounded(a: node.a) {
                reason = .rounded(node.aSymbol, node.a)
            } else {
                return nil
            }
            return StableValue(expression: e, form: node.logarithmForm, value: node.logarithm, reason: reason)
        case .apply(.ln, .subtract(.number(1), .symbol(let s))):
            guard let node = Node(s, trace, m), node.f == .sigmoid else { return nil }
            let oneMinusA = Expr.subtract(.number(1), node.aSymbol)
            let reason: StableValue.Reason
            if node.a < Activation.roundingThreshold {
                reason = .rounded(oneMinusA, 1 - node.a)
            } else if node.complement < Double.leastNormalMagnitude {
                reason = .underflow(oneMinusA, node.complement)
            } else {
                return nil
            }
            // ln(1 − σ(z)) = ln σ(−z) = −ln(1 + e^z) = −softplus(z).
            return StableValue(expression: e, form: .negate(.apply(.ln, .add([.number(1), .apply(.exp, node.zSymbol)]))),
                               value: -Cost.softplus(node.z[node.j]), reason: reason)
        default:
            return nil
        }
    }

    /// The softmax Jacobian's sum Σ_k G_k a_{L,k}(1[j = k] − a_{L,j}) for output node j (G_k
    /// is ∂C/∂a_{L,k} or the cost's gradient written out, which give the same stored number),
    /// where the engine took it apart because its terms cancel.
    private static func jacobianProduct(_ s: Summation, in trace: UpdateTrace, example m: Int?) -> StableValue? {
        let network = trace.network, L = network.L, n = network.n(L), k = s.index
        guard let m, network.outputActivation == .softmax, network.cost.simplification(with: .softmax) == nil,
              case .multiply(let outer) = s.body, outer.count == 2,
              case .multiply(let jacobian) = outer[1], jacobian.count == 2,
              case .symbol(let ak) = jacobian[0], ak.name == .a, ak.indices == [.literal(L), .variable(k)], ak.example == nil,
              case .subtract(.indicator(.literal(let j), .variable(k)), .symbol(let aj)) = jacobian[1],
              aj.name == .a, aj.indices == [.literal(L), .literal(j)], aj.example == nil, j >= 1, j <= n
        else { return nil }
        let g = (0..<n).map { trace.costGradient(m, $0) }, a = (0..<n).map { trace.a(m, L, $0) }
        var delta = [Double](repeating: 0, count: n), paired = [Bool](repeating: false, count: n)
        g.withUnsafeBufferPointer { g in
            a.withUnsafeBufferPointer { a in
                delta.withUnsafeMutableBufferPointer { delta in
                    paired.withUnsafeMutableBufferPointer { paired in
                        Activation.softmax.jacobianProduct(gradient: g.baseAddress!, a: a.baseAddress!, count: n,
                                                           into: delta.baseAddress!, paired: paired.baseAddress!)
                    }
                }
            }
        }
        guard paired[j - 1] else { return nil }
        let node = { (i: Int) in Expr.sym(.a, .literal(L), .literal(i)) }
        let dCda = { (i: Int) in Expr.partial(.sym(.C), node(i)) }
        let form = Expr.multiply([node(j), .add((1...n).filter { $0 != j }.map {
            .multiply([node($0), .subtract(dCda(j), dCda($0))])
        })])
        return StableValue(expression: .sum(s), form: form, value: delta[j - 1], reason: .cancellation)
    }

    /// 1, or an indicator 1[j = k] whose indices are bound and equal.
    private static func isOne(_ e: Expr) -> Bool {
        switch e {
        case .number(let x): return x == 1
        case .indicator(.literal(let j), .literal(let k)): return j == k
        default: return false
        }
    }

    /// Node j of layer l in example m, as the trace stored it: the layer's z and a, for a
    /// σ, softmax or tanh node whose a is f(z) itself (not scaled by dropout).
    private struct Node {
        /// Layer l and node j (from 0), example m (from 1).
        let layer: Int, j: Int, m: Int
        /// The layer's activation.
        let f: Activation
        /// z and a of every node of the layer.
        let z: [Double], layerA: [Double]
        /// a_{l,j} and z_{l,j} as symbols, with the example the form names, if any.
        let aSymbol: Expr, zSymbol: Expr
        /// The example index the form wrote on its symbols.
        let example: Index?

        init?(_ s: Symbol, _ trace: UpdateTrace, _ current: Int?) {
            guard s.name == .a, s.isBound else { return nil }
            let k = s.literalIndices
            var m = current
            if case .literal(let e)? = s.example { m = e }
            guard let m, k.count == 2, k[0] >= 1, k[0] <= trace.network.L else { return nil }
            let l = k[0], j = k[1] - 1, network = trace.network
            guard j >= 0, j < network.n(l), network.activation(l).canSaturate, trace.dropoutFactor(m, l, j) == 1 else { return nil }
            layer = l
            self.j = j
            self.m = m
            f = network.activation(l)
            z = (0..<network.n(l)).map { trace.z(m, l, $0) }
            layerA = (0..<network.n(l)).map { trace.a(m, l, $0) }
            example = s.example
            aSymbol = .symbol(s)
            zSymbol = .symbol(Symbol(.z, s.indices, example: s.example))
        }

        /// The stored a_{l,j}.
        var a: Double { layerA[j] }

        /// ``Activation/complement(of:z:a:count:)`` of this node.
        var complement: Double {
            z.withUnsafeBufferPointer { zs in
                layerA.withUnsafeBufferPointer { as_ in f.complement(of: j, z: zs.baseAddress!, a: as_.baseAddress!, count: zs.count) }
            }
        }

        /// ``Activation/difference(of:minus:z:a:count:)`` of this node.
        func difference(minus y: Double) -> Double {
            z.withUnsafeBufferPointer { zs in
                layerA.withUnsafeBufferPointer { as_ in f.difference(of: j, minus: y, z: zs.baseAddress!, a: as_.baseAddress!, count: zs.count) }
            }
        }

        /// How the complement is computed from z: σ(−z_{l,j}), tanh′(z_{l,j}), or the sum of
        /// the layer's other softmax outputs.
        var complementForm: Expr {
            switch f {
            case .sigmoid: return .apply(.sigmoid, .negate(zSymbol))
            case .tanh: return .apply(.tanhPrime, zSymbol)
            default:
                let others = z.indices.filter { $0 != j }.map {
                    Expr.symbol(Symbol(.a, [.literal(layer), .literal($0 + 1)], example: example))
                }
                return others.count == 1 ? others[0] : .add(others)
            }
        }

        /// ln a_{l,j} as the cost computes it: −softplus(−z) for σ, ``Cost/logSoftmax(of:z:)``
        /// for softmax.
        var logarithm: Double {
            if f == .sigmoid { return -Cost.softplus(-z[j]) }
            return Cost.logSoftmax(of: j, z: z)
        }

        /// ln a_{l,j} from z in the lecture's notation: −ln(1 + e^{−z}) for σ; for softmax
        /// −ln(1 + Σ_{k≠j} e^{z_k − z_j}), the other nodes written out, where node j holds
        /// nearly everything, else z_j − ln Σ_k e^{z_k}.
        var logarithmForm: Expr {
            if f == .sigmoid { return .negate(.apply(.ln, .add([.number(1), .apply(.exp, .negate(zSymbol))]))) }
            if f.complementHasRounded(a: a) {
                let others = z.indices.filter { $0 != j }.map { k -> Expr in
                    .apply(.exp, .subtract(.symbol(Symbol(.z, [.literal(layer), .literal(k + 1)], example: example)), zSymbol))
                }
                return .negate(.apply(.ln, .add([.number(1)] + others)))
            }
            let zk = Expr.symbol(Symbol(.z, [.literal(layer), .variable("k")], example: example))
            return .subtract(zSymbol, .apply(.ln, .sum(Summation("k", to: .sym(.nodes, .literal(layer)), .apply(.exp, zk)))))
        }
    }
}
