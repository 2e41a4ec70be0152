extension DataGenerator {
    /// The examples, in order: inputs x (n_0 numbers each) and targets (one number each).
    ///
    /// Point i (from 0) of a two-class shape has class y = i mod 2, so the classes alternate
    /// and there are ⌈count/2⌉ of class 0. Draws u come from the stream (seed, data) —
    /// uniform in [0, 1), ``DeltaRandom/nextUnit()`` —, Gaussian draws g (mean 0, sd 1,
    /// ``DeltaRandom/nextGaussian()``) from the stream (seed, data, 1), point after point;
    /// σ is `noise`, and no g is drawn when σ = 0.
    ///
    /// - `xor`, `and`, `or`: the rows (0, 0), (0, 1), (1, 0), (1, 1) in that order, with
    ///   y = x1 ⊕ x2, x1 ∧ x2, x1 ∨ x2.
    /// - `circle`: x = (2u₁ − 1, 2u₂ − 1); y = 1 if x1² + x2² < 2/π, else 0, decided
    ///   before the noise; then x += σ (g₁, g₂).
    /// - `blobs`: x = (2y − 1, 2y − 1) + σ (g₁, g₂): around (−1, −1) for y = 0, (1, 1) for y = 1.
    /// - `moons`: θ = π u; x = (cos θ, sin θ) for y = 0 (the upper half of the unit circle
    ///   around (0, 0)), x = (1 − cos θ, ½ − sin θ) for y = 1 (the lower half around (1, ½));
    ///   then x += σ (g₁, g₂).
    /// - `spirals`: t = u; r = t, φ = 3π t + π y; x = (r cos φ, r sin φ) + σ (g₁, g₂): arm 1 is
    ///   arm 0 turned by π, each 1½ turns from the centre to radius 1.
    /// - `sine`: x = π (2u − 1), one input in [−π, π); y = sin x + σ g.
    public func examples(seed: UInt64) -> (inputs: [[Double]], targets: [[Double]]) {
        switch shape {
        case .xor, .and, .or: return truthTable()
        case .circle, .blobs, .moons, .spirals, .sine: break
        }
        var draws = DeltaRandom(seed: seed, stream: RandomStream.data.rawValue)
        var noiseDraws = DeltaRandom(seed: seed, stream: RandomStream.data.rawValue, DataGenerator.noiseStreamKey)
        var inputs: [[Double]] = [], targets: [[Double]] = []
        inputs.reserveCapacity(count)
        targets.reserveCapacity(count)
        for i in 0..<count {
            var (x, y) = point(i, &draws)
            if noise > 0 {
                if shape == .sine {
                    y += noise * noiseDraws.nextGaussian()
                } else {
                    for k in x.indices { x[k] += noise * noiseDraws.nextGaussian() }
                }
            }
            inputs.append(x)
            targets.append([y])
        }
        return (inputs, targets)
    }

    /// The four rows of a truth table and the function's value at each.
    func truthTable() -> (inputs: [[Double]], targets: [[Double]]) {
        let rows: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let y: ([Double]) -> Bool
        switch shape {
        case .and: y = { $0[0] == 1 && $0[1] == 1 }
        case .or: y = { $0[0] == 1 || $0[1] == 1 }
        default: y = { $0[0] != $0[1] }
        }
        return (rows, rows.map { [y($0) ? 1 : 0] })
    }

    /// Point i before the noise: its input and its target (``examples(seed:)`` gives each formula).
    func point(_ i: Int, _ u: inout DeltaRandom) -> (x: [Double], y: Double) {
        let y = Double(i % 2)
        switch shape {
        case .circle:
            let x = [u.nextUnit() * 2 - 1, u.nextUnit() * 2 - 1]
            return (x, x[0] * x[0] + x[1] * x[1] < 2 / Double.pi ? 1 : 0)
        case .blobs:
            return ([2 * y - 1, 2 * y - 1], y)
        case .moons:
            let theta = Double.pi * u.nextUnit()
            let (c, s) = (PortableMath.cos(theta), PortableMath.sin(theta))
            return (y == 0 ? [c, s] : [1 - c, 0.5 - s], y)
        case .spirals:
            let t = u.nextUnit()
            let phi = 3 * Double.pi * t + Double.pi * y
            return ([t * PortableMath.cos(phi), t * PortableMath.sin(phi)], y)
        case .sine:
            let x = Double.pi * (2 * u.nextUnit() - 1)
            return ([x], PortableMath.sin(x))
        case .xor, .and, .or:
            preconditionFailure("a truth table has no points to draw")
        }
    }
}
