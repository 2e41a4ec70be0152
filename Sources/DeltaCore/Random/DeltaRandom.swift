/// DeltaTrace's own seeded pseudo-random number generator.
///
/// Every random choice in a training run (weight initialisation, data
/// shuffling, dropout masks, …) comes from a `DeltaRandom`, so that a run is
/// reproducible bit for bit on every machine and every Swift version. For that
/// reason nothing here relies on `SystemRandomNumberGenerator`,
/// `Array.shuffle(using:)`, `Int.random(in:using:)` or `Double.random(in:using:)`:
/// the standard library does not promise that the algorithms behind those stay
/// the same across releases. Each method below documents its exact algorithm so
/// that another implementation (for example a Python notebook) can reproduce
/// the same stream.
///
/// ## Generator
///
/// xoshiro256** 1.0 by David Blackman and Sebastiano Vigna
/// (<https://prng.di.unimi.it/xoshiro256starstar.c>): 256 bits of state,
/// period 2^256 − 1, passes BigCrush and PractRand. The four state words are
/// filled from a 64-bit seed by SplitMix64 (<https://prng.di.unimi.it/splitmix64.c>),
/// as recommended by the authors: `s[0], s[1], s[2], s[3]` are the first four
/// outputs of SplitMix64 started from the seed.
///
/// ## Value semantics
///
/// `DeltaRandom` is a value type. Copying it forks the stream: both copies
/// produce the same numbers from that point on. Two generators compare equal
/// (and hash equally) exactly when they will produce the same future output,
/// including the cached second value of a Gaussian pair.
public struct DeltaRandom: RandomNumberGenerator, Sendable, Hashable {

    // xoshiro256** state.
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Second value of the last Marsaglia polar pair, returned by the next
    /// `nextGaussian()` call. Part of the state (and of `==`/`hash`).
    private var spareGaussian: Double?

    // MARK: - SplitMix64

    /// The SplitMix64 increment (2^64 / φ, odd).
    private static let golden: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// One SplitMix64 step: advances `state` by the golden increment and
    /// returns the mixed value (Steele, Lea & Flood; Vigna's reference code).
    @inline(__always)
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= golden
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The first SplitMix64 output from state `z` (a 64-bit bijective hash).
    @inline(__always)
    private static func mix(_ z: UInt64) -> UInt64 {
        var state = z
        return splitMix64(&state)
    }

    // MARK: - Initialisers

    /// Creates a generator whose xoshiro256** state is the first four
    /// SplitMix64 outputs starting from `seed` (the reference seeding).
    public init(seed: UInt64) {
        var sm = seed
        s0 = Self.splitMix64(&sm)
        s1 = Self.splitMix64(&sm)
        s2 = Self.splitMix64(&sm)
        s3 = Self.splitMix64(&sm)
        spareGaussian = nil
    }

    /// Creates an independent generator keyed by `seed` plus a list of
    /// integers, e.g. `DeltaRandom(seed: runSeed, stream: purpose, epoch, step)`.
    ///
    /// This lets a replay jump to any position of a run (say, update 7 of
    /// epoch 3) and recreate exactly the random numbers used there, without
    /// storing generator state or replaying everything before it: each
    /// position gets its own stream derived from its coordinates.
    ///
    /// Derivation of the effective 64-bit seed `h`:
    ///
    ///     h = seed
    ///     for (i, k) in stream.enumerated() {          // i = 0, 1, 2, …
    ///         h = mix(h ^ (k &+ (UInt64(i) + 1) &* 0xd1b54a32d192ed03))
    ///     }
    ///
    /// where `mix(z)` is one SplitMix64 step from state z (add 0x9e3779b97f4a7c15,
    /// then the SplitMix64 finaliser) and all arithmetic wraps modulo 2^64. The
    /// per-position constant makes `[a, b]` and `[b, a]` different keys. The
    /// generator is then `DeltaRandom(seed: h)`; in particular an empty stream
    /// gives the same generator as `init(seed:)`.
    public init(seed: UInt64, stream: [UInt64]) {
        var h = seed
        for (i, k) in stream.enumerated() {
            let positionTag = (UInt64(i) &+ 1) &* 0xd1b5_4a32_d192_ed03
            h = Self.mix(h ^ (k &+ positionTag))
        }
        self.init(seed: h)
    }

    /// Variadic form of `init(seed:stream:)`:
    /// `DeltaRandom(seed: s, stream: a, b, c)` equals
    /// `DeltaRandom(seed: s, stream: [a, b, c])`.
    public init(seed: UInt64, stream: UInt64...) {
        self.init(seed: seed, stream: stream)
    }

    // MARK: - Raw output

    /// The next 64-bit output of xoshiro256** (reference algorithm:
    /// `result = rotl(s1 · 5, 7) · 9`, then the xor/shift/rotate state update).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    // MARK: - Uniform values

    /// A uniform `Double` in [0, 1): the top 53 bits of `next()` times 2^-53.
    /// Every value is a multiple of 2^-53; 0 is possible, 1 is not.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0 ..< n`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method ("Fast Random Integer Generation in
    /// an Interval", 2019): take the 128-bit product `m = next() · n`; the
    /// result is its high 64 bits. If the low 64 bits are below
    /// `t = (2^64 − n) mod n` (only checked when low < n), the draw is rejected
    /// and a new `next()` is taken. Consumes exactly one `next()` unless a draw
    /// is rejected.
    ///
    /// - Precondition: `n > 0`.
    public mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0, "nextInt(below:) needs a positive bound")
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold {
                m = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(m.high)
    }

    // MARK: - Gaussian values

    /// A standard normal value (mean 0, standard deviation 1) by the Marsaglia
    /// polar method.
    ///
    /// If a cached value is present it is returned (and cleared). Otherwise:
    ///
    ///     repeat {
    ///         u = 2 · nextUnit() − 1          // first draw
    ///         v = 2 · nextUnit() − 1          // second draw
    ///         s = u·u + v·v
    ///     } while !(0 < s && s < 1)           // reject s == 0 and s ≥ 1
    ///     f = sqrt(−2 · log(s) / s)          // PortableMath.log, .squareRoot()
    ///     return u · f,  and cache v · f for the next call
    ///
    /// so the pair is returned in the order (u·f, v·f). All arithmetic is the
    /// IEEE double operations in exactly this order.
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let f = (-2 * PortableMath.log(s) / s).squareRoot()
                spareGaussian = v * f
                return u * f
            }
        }
    }

    /// A normal value `mean + standardDeviation · nextGaussian()`.
    public mutating func nextGaussian(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextGaussian()
    }

    // MARK: - Shuffling

    /// Shuffles `buffer` in place with the Fisher–Yates algorithm, in this
    /// exact order:
    ///
    ///     for i in stride(from: buffer.count − 1, to: 0, by: −1) {   // i = n−1 … 1
    ///         j = nextInt(below: i + 1)                             // 0 ≤ j ≤ i
    ///         swap buffer[i] and buffer[j]
    ///     }
    ///
    /// Every permutation is equally likely. Arrays of 0 or 1 elements consume
    /// no random numbers.
    public mutating func shuffle(_ buffer: inout [Int]) {
        var i = buffer.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            buffer.swapAt(i, j)
            i -= 1
        }
    }
}
