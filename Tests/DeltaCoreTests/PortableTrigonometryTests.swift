import Foundation
import Testing
import DeltaCore

/// `PortableMath.sin` and `cos`: the bits of Java's `StrictMath` (fdlibm) on a fixed set of
/// arguments, within 1 ulp of the platform's library, and the special values.
@Suite struct PortableTrigonometryTests {
    /// The arguments: a sweep of [−30, 30) in steps of 2^-9, ±m·2^e for e = −40 … 19, the
    /// multiples n·π/2 (n = 1 … 64) and their neighbours — where the reduction cancels —, and
    /// ±4096 bit patterns spread evenly up to the limit.
    static let arguments: [Double] = {
        var xs = (0..<30720).map { -30 + Double($0) * 0.001953125 }
        for e in -40...19 {
            for m in [1.0, 1.0625, 1.2345678901234567, 1.4142135623730951, 1.5, 1.75, 1.9999999999999998] {
                let v = m * Double(sign: .plus, exponent: e, significand: 1)
                xs += [v, -v]
            }
        }
        for n in 1...64 {
            let v = Double(n) * (Double.pi / 2)
            xs += [v, v.nextUp, v.nextDown, -v]
        }
        let limit = PortableMath.trigonometricLimit.bitPattern
        for i in UInt64(1)...4096 {
            let v = Double(bitPattern: i * (limit / 4096))
            xs += [v, -v]
        }
        return xs
    }()

    /// FNV-1a over the bits of f at every argument.
    static func checksum(_ f: (Double) -> Double) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in arguments { h = (h ^ (f(x).isNaN ? 0x7ff8_0000_0000_0000 : f(x).bitPattern)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// The expected checksums are Java's: `StrictMath.sin` and `StrictMath.cos` (OpenJDK,
    /// fdlibm) at the same 40 008 arguments, hashed the same way. A failure means this
    /// platform computes other bits, and generated data would differ between machines.
    @Test func theBitsAreStrictMaths() {
        #expect(Self.arguments.count == 40_008)
        #expect(Self.checksum(PortableMath.sin) == 0x6206_98d8_5bb5_ab47)
        #expect(Self.checksum(PortableMath.cos) == 0x5c71_f522_8962_e770)
    }

    @Test func withinOneUlpOfThePlatform() {
        for (ours, platform) in [(PortableMath.sin, Foundation.sin), (PortableMath.cos, Foundation.cos)] as [((Double) -> Double, (Double) -> Double)] {
            let w = PortableMathTests.worst(Self.arguments, ours, platform)
            #expect(w.ulps <= 1, "\(w)")
        }
    }

    @Test func knownValuesAndSpecials() {
        #expect(PortableMath.sin(1) == 0.8414709848078965 && PortableMath.cos(1) == 0.5403023058681398)
        #expect(PortableMath.sin(.pi) == 1.2246467991473532e-16 && PortableMath.cos(.pi / 2) == 6.123233995736766e-17)
        #expect(PortableMath.sin(0) == 0 && PortableMath.sin(-0.0).sign == .minus && PortableMath.cos(0) == 1)
        #expect(PortableMath.sin(1e-300) == 1e-300 && PortableMath.cos(1e-300) == 1)
        for x in [Double.nan, .infinity, -.infinity, PortableMath.trigonometricLimit.nextUp, 1e300] {
            #expect(PortableMath.sin(x).isNaN && PortableMath.cos(x).isNaN, "\(x)")
        }
        #expect(!PortableMath.sin(PortableMath.trigonometricLimit).isNaN)
    }
}
