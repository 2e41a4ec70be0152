import Foundation
import Testing
import DeltaCore

/// Tests for `PortableMath`: accuracy against the platform math library over
/// deterministic sweeps, IEEE special values, and golden checksums that pin the
/// exact bits (the whole point of `PortableMath` is that these never change
/// from one machine to another).
@Suite struct PortableMathTests {

    // MARK: - Helpers

    /// Distance between two doubles in units in the last place: the number of
    /// representable doubles from one to the other (+0 and −0 count as equal).
    /// Two NaNs are 0 apart; a NaN and a number are infinitely far apart.
    static func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
        // Map the bit patterns onto a monotonically increasing integer line.
        func key(_ d: Double) -> Int64 {
            let i = Int64(bitPattern: d.bitPattern)
            return i >= 0 ? i : Int64.min &- i
        }
        let (ka, kb) = (key(a), key(b))
        return ka >= kb ? UInt64(bitPattern: ka &- kb) : UInt64(bitPattern: kb &- ka)
    }

    struct Worst: CustomStringConvertible {
        var ulps: UInt64 = 0
        var x: Double = .nan
        var ours: Double = .nan
        var platform: Double = .nan
        var description: String { "\(ulps) ulp at x = \(x): ours \(ours), platform \(platform)" }
    }

    /// The largest ulp distance between `ours` and `platform` over `inputs`.
    static func worst(_ inputs: [Double], _ ours: (Double) -> Double, _ platform: (Double) -> Double) -> Worst {
        var w = Worst()
        for x in inputs {
            let a = ours(x), b = platform(x)
            let d = ulpDistance(a, b)
            if d > w.ulps || w.x.isNaN { w = Worst(ulps: d, x: x, ours: a, platform: b) }
        }
        return w
    }

    /// `count` evenly spaced values from `lower` to `upper` inclusive.
    static func sweep(_ lower: Double, _ upper: Double, _ count: Int) -> [Double] {
        (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) }
    }

    /// ±m·2^e for every exponent e in `exponents` and a few significands m:
    /// covers all magnitudes, including subnormals when e < −1022.
    static func magnitudes(_ exponents: ClosedRange<Int>, signs: [Double] = [1, -1]) -> [Double] {
        var xs: [Double] = []
        for e in exponents {
            for m in [1.0, 1.0625, 1.2345678901234567, 1.4142135623730951, 1.5, 1.75, 1.9999999999999998] {
                let v = Double(sign: .plus, exponent: e, significand: m)   // rounds if subnormal
                for s in signs { xs.append(s * v) }
            }
        }
        return xs
    }

    /// Positive finite doubles spread evenly over the bit patterns
    /// (subnormals, every binade, up to the largest finite value).
    static func bitPatternSweep(_ count: Int, below limit: UInt64 = 0x7fef_ffff_ffff_ffff) -> [Double] {
        let step = limit / UInt64(count)
        return (1...count).map { Double(bitPattern: UInt64($0) &* step) }
    }

    /// Maximum allowed ulp distance from the platform's libm. PortableMath is
    /// within 1 ulp of the exact value; the platform libraries are too for
    /// exp/log/expm1/log1p, while glibc's tanh reaches about 2.1 ulp.
    static let tolerance: UInt64 = 2

    // MARK: - Sweeps against the platform library

    @Test func expMatchesPlatform() {
        var xs = Self.sweep(-745.5, 710, 100_001)            // whole range incl. overflow / underflow
        xs += Self.sweep(-745.2, -708.3, 20_001)             // subnormal results
        xs += Self.sweep(-2, 2, 20_001)
        xs += Self.magnitudes(-1074...9)
        let w = Self.worst(xs, PortableMath.exp, Foundation.exp)
        #expect(w.ulps <= Self.tolerance, "exp: \(w)")
    }

    @Test func logMatchesPlatform() {
        var xs = Self.bitPatternSweep(100_000)                // every binade
        xs += Self.bitPatternSweep(20_000, below: 0x0010_0000_0000_0000)   // subnormals
        xs += Self.sweep(0.5, 2, 20_001)                      // around 1
        xs += Self.sweep(1 - 0x1p-20, 1 + 0x1p-20, 4_001)
        xs += Self.magnitudes(-1074...1023, signs: [1])
        let w = Self.worst(xs, PortableMath.log, Foundation.log)
        #expect(w.ulps <= Self.tolerance, "log: \(w)")
    }

    @Test func expm1MatchesPlatform() {
        var xs = Self.sweep(-40, 710, 100_001)
        xs += Self.sweep(-1, 1, 20_001)
        xs += Self.magnitudes(-1074...9)                      // tiny values of both signs
        let w = Self.worst(xs, PortableMath.expm1, Foundation.expm1)
        #expect(w.ulps <= Self.tolerance, "expm1: \(w)")
    }

    @Test func log1pMatchesPlatform() {
        var xs = Self.sweep(-0.999, 3, 50_001)
        xs += Self.bitPatternSweep(50_000)                     // large arguments
        xs += (1...53).map { -1 + Double(sign: .plus, exponent: -$0, significand: 1.5) }   // near −1
        xs += Self.magnitudes(-1074...(-1))                   // tiny values of both signs
        let w = Self.worst(xs, PortableMath.log1p, Foundation.log1p)
        #expect(w.ulps <= Self.tolerance, "log1p: \(w)")
    }

    @Test func tanhMatchesPlatform() {
        var xs = Self.sweep(-25, 25, 100_001)
        xs += Self.sweep(-1.2, 1.2, 20_001)
        xs += Self.magnitudes(-1074...4)                      // tiny values of both signs
        let w = Self.worst(xs, PortableMath.tanh, Foundation.tanh)
        #expect(w.ulps <= Self.tolerance, "tanh: \(w)")
    }

    // MARK: - Special values

    @Test func expSpecialValues() {
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(-0.0) == 1)
        #expect(PortableMath.exp(.infinity) == .infinity)
        #expect(PortableMath.exp(-.infinity) == 0)
        #expect(PortableMath.exp(-.infinity).sign == .plus)
        #expect(PortableMath.exp(.nan).isNaN)
        #expect(PortableMath.exp(710) == .infinity)
        #expect(PortableMath.exp(1000) == .infinity)
        #expect(PortableMath.exp(-746) == 0)
        #expect(PortableMath.exp(-1000) == 0)
        // The overflow threshold: ln(greatestFiniteMagnitude) ≈ 709.782712893384.
        let top = 709.782712893384
        #expect(PortableMath.exp(top).isFinite)
        #expect(PortableMath.exp(top.nextUp) == .infinity)
        #expect(PortableMath.exp(top) > 1.79e308)
        // The smallest results are subnormal and must match the platform exactly
        // (a subnormal ulp is huge relative to the value).
        for x in [-708.4, -709, -720, -740, -744.4, -745, -745.1, -745.13] {
            #expect(Self.ulpDistance(PortableMath.exp(x), Foundation.exp(x)) <= 1, "exp(\(x))")
        }
        #expect(PortableMath.exp(-745.1) == Double.leastNonzeroMagnitude)
        #expect(PortableMath.exp(-745.14) == 0)
        // Tiny arguments.
        #expect(PortableMath.exp(0x1p-60) == 1)
        #expect(PortableMath.exp(-0x1p-60) == 1)
        #expect(PortableMath.exp(Double.leastNonzeroMagnitude) == 1)
        // Familiar values: exp(1) is fdlibm's 2.7182818284590455, 1 ulp above the
        // correctly rounded e (Java's StrictMath.exp(1) gives the same).
        #expect(Self.ulpDistance(PortableMath.exp(1), M_E) <= 1)
        #expect(PortableMath.exp(1) == 2.7182818284590455)
        #expect(PortableMath.exp(-1) == 0.36787944117144233)
        #expect(PortableMath.exp(M_LN2) == 2)
        #expect(PortableMath.exp(10) == 22026.465794806718)
    }

    @Test func logSpecialValues() {
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(1).sign == .plus)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-0.0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(-.leastNonzeroMagnitude).isNaN)
        #expect(PortableMath.log(-.infinity).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
        #expect(PortableMath.log(.nan).isNaN)
        #expect(PortableMath.log(2) == M_LN2)
        #expect(PortableMath.log(10) == M_LN10)
        #expect(PortableMath.log(M_E) == 1)
        // Extremes, including subnormals.
        #expect(PortableMath.log(.leastNonzeroMagnitude) == -744.4400719213812)
        #expect(PortableMath.log(.leastNormalMagnitude) == -708.3964185322641)
        #expect(PortableMath.log(.greatestFiniteMagnitude) == 709.782712893384)
        for x in [Double.leastNonzeroMagnitude * 3, 0x1.23456789p-1030, 0x1.fp-1060, 0x1p-1073, 0x1.8p-1023] {
            #expect(Self.ulpDistance(PortableMath.log(x), Foundation.log(x)) <= 1, "log(\(x))")
        }
        // Powers of two are exact multiples of ln 2 up to rounding.
        for k in -1074...1023 {
            let x = Double(sign: .plus, exponent: k, significand: 1)
            #expect(Self.ulpDistance(PortableMath.log(x), Foundation.log(x)) <= 1, "log(2^\(k))")
        }
    }

    @Test func expm1SpecialValues() {
        #expect(PortableMath.expm1(0) == 0)
        #expect(PortableMath.expm1(0).sign == .plus)
        #expect(PortableMath.expm1(-0.0) == 0)
        #expect(PortableMath.expm1(-0.0).sign == .minus)
        #expect(PortableMath.expm1(.infinity) == .infinity)
        #expect(PortableMath.expm1(-.infinity) == -1)
        #expect(PortableMath.expm1(.nan).isNaN)
        #expect(PortableMath.expm1(710) == .infinity)
        #expect(PortableMath.expm1(709.78).isFinite)
        #expect(PortableMath.expm1(-40) == -1)
        #expect(PortableMath.expm1(-1000) == -1)
        // Tiny values: expm1(x) = x to double precision, including subnormals.
        for x in [1e-300, -1e-300, 0x1p-60, -0x1p-60, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude] {
            #expect(PortableMath.expm1(x) == x)
        }
        #expect(PortableMath.expm1(1e-10) == 1.00000000005e-10)
        #expect(Self.ulpDistance(PortableMath.expm1(1), M_E - 1) <= 1)
    }

    @Test func log1pSpecialValues() {
        #expect(PortableMath.log1p(0) == 0)
        #expect(PortableMath.log1p(0).sign == .plus)
        #expect(PortableMath.log1p(-0.0) == 0)
        #expect(PortableMath.log1p(-0.0).sign == .minus)
        #expect(PortableMath.log1p(-1) == -.infinity)
        #expect(PortableMath.log1p(-1.5).isNaN)
        #expect(PortableMath.log1p(-.infinity).isNaN)
        #expect(PortableMath.log1p(.infinity) == .infinity)
        #expect(PortableMath.log1p(.nan).isNaN)
        #expect(PortableMath.log1p(.greatestFiniteMagnitude) == 709.782712893384)
        #expect(PortableMath.log1p(1) == M_LN2)
        #expect(PortableMath.log1p(-0.5) == -M_LN2)
        for x in [1e-300, -1e-300, 0x1p-60, -0x1p-60, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude] {
            #expect(PortableMath.log1p(x) == x)
        }
        #expect(PortableMath.log1p(1e-10) == 9.999999999500001e-11)
        #expect(Self.ulpDistance(PortableMath.log1p(-1 + 0x1p-52), Foundation.log1p(-1 + 0x1p-52)) <= 1)
    }

    @Test func tanhSpecialValues() {
        #expect(PortableMath.tanh(0) == 0)
        #expect(PortableMath.tanh(0).sign == .plus)
        #expect(PortableMath.tanh(-0.0) == 0)
        #expect(PortableMath.tanh(-0.0).sign == .minus)
        #expect(PortableMath.tanh(.infinity) == 1)
        #expect(PortableMath.tanh(-.infinity) == -1)
        #expect(PortableMath.tanh(.nan).isNaN)
        // Saturates to exactly ±1 once 1 − tanh|x| is below half an ulp of 1.
        for x in [19.1, 20, 22, 22.5, 30, 100, 710, 1e300, .greatestFiniteMagnitude] {
            #expect(PortableMath.tanh(x) == 1, "tanh(\(x))")
            #expect(PortableMath.tanh(-x) == -1, "tanh(\(-x))")
        }
        #expect(PortableMath.tanh(18) < 1)
        // Odd symmetry, bit for bit.
        for x in Self.sweep(0, 25, 2_001) {
            #expect(PortableMath.tanh(-x) == -PortableMath.tanh(x))
        }
        // Tiny and subnormal values: tanh(x) = x.
        for x in [1e-300, -1e-300, 0x1p-30, -0x1p-30, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude] {
            #expect(PortableMath.tanh(x) == x)
        }
        #expect(PortableMath.tanh(0.5) == 0.46211715726000974)
        #expect(PortableMath.tanh(1) == 0.7615941559557649)
    }

    @Test func nanPropagates() {
        let fs: [(Double) -> Double] = [PortableMath.exp, PortableMath.log, PortableMath.expm1,
                                        PortableMath.log1p, PortableMath.tanh]
        for f in fs {
            #expect(f(.nan).isNaN)
            #expect(f(-.nan).isNaN)
            #expect(f(.signalingNaN).isNaN)
        }
    }

    // MARK: - Bit-exact golden values

    /// FNV-1a over the bit patterns of `f` applied to a fixed input set: 4096
    /// scattered bit patterns (every sign and exponent class: subnormals,
    /// infinities, NaNs) followed by the sweep `lower + i·step`, i = 0..<4096.
    /// NaN results are hashed as the canonical quiet NaN.
    static func checksum(_ f: (Double) -> Double, lower: Double, step: Double) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ y: Double) {
            h = (h ^ (y.isNaN ? 0x7ff8_0000_0000_0000 : y.bitPattern)) &* 0x0000_0100_0000_01b3
        }
        for i in 1...4096 { add(f(Double(bitPattern: UInt64(i) &* 0x9e37_79b9_7f4a_7c15))) }
        for i in 0..<4096 { add(f(lower + Double(i) * step)) }
        return h
    }

    /// The expected checksums were computed by an independent transcription of
    /// the same algorithms in Python (whose floats are IEEE doubles with correctly
    /// rounded operations); for exp, log, expm1 and log1p they also equal the
    /// checksums of Java's `StrictMath`. A failure here means this platform
    /// computes different bits, which would break run-to-run reproducibility.
    @Test func goldenChecksums() {
        #expect(Self.checksum(PortableMath.exp, lower: -746, step: 0.375) == 0xc752_ec67_a79b_a581)
        #expect(Self.checksum(PortableMath.log, lower: 0, step: 0.0078125) == 0x87b7_1887_d610_39aa)
        #expect(Self.checksum(PortableMath.expm1, lower: -50, step: 0.1875) == 0xcddc_f468_5a22_0f64)
        #expect(Self.checksum(PortableMath.log1p, lower: -1, step: 0.001953125) == 0x76f4_451a_50f8_f78c)
        #expect(Self.checksum(PortableMath.tanh, lower: -24, step: 0.01171875) == 0x05d3_fbb3_4cf6_bbb4)
    }
}
