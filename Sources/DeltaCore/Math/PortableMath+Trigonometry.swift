extension PortableMath {
    // MARK: - sin and cos

    /// The bits of a double (the constants below are fdlibm's, given as its hex words).
    @inline(__always)
    private static func bits(_ pattern: UInt64) -> Double { Double(bitPattern: pattern) }

    /// Minimax coefficients of sin on [−π/4, π/4] (fdlibm `__kernel_sin`):
    /// sin x ≈ x + S1·x³ + S2·x⁵ + … + S6·x¹³.
    private static let S1 = bits(0xBFC5_5555_5555_5549)   // -1.66666666666666324348e-01
    private static let S2 = bits(0x3F81_1111_1110_F8A6)   //  8.33333333332248946124e-03
    private static let S3 = bits(0xBF2A_01A0_19C1_61D5)   // -1.98412698298579493134e-04
    private static let S4 = bits(0x3EC7_1DE3_57B1_FE7D)   //  2.75573137070700676789e-06
    private static let S5 = bits(0xBE5A_E5E6_8A2B_9CEB)   // -2.50507602534068634195e-08
    private static let S6 = bits(0x3DE5_D93A_5ACF_D57C)   //  1.58969099521155010221e-10

    /// Minimax coefficients of cos on [−π/4, π/4] (fdlibm `__kernel_cos`):
    /// cos x ≈ 1 − x²/2 + C1·x⁴ + … + C6·x¹⁴.
    private static let C1 = bits(0x3FA5_5555_5555_554C)   //  4.16666666666666019037e-02
    private static let C2 = bits(0xBF56_C16C_16C1_5177)   // -1.38888888888741095749e-03
    private static let C3 = bits(0x3EFA_01A0_19CB_1590)   //  2.48015872894767294178e-05
    private static let C4 = bits(0xBE92_7E4F_809C_52AD)   // -2.75573143513906633035e-07
    private static let C5 = bits(0x3E21_EE9E_BDB4_B1C4)   //  2.08757232129817482790e-09
    private static let C6 = bits(0xBDA8_FAE9_BE88_38D4)   // -1.13596475577881948265e-11

    /// 2/π and π/2 split into three 33-bit parts with their tails (fdlibm `__ieee754_rem_pio2`):
    /// pio2_1 + pio2_2 + pio2_3 + pio2_3t ≈ π/2 to about 151 bits.
    private static let invPio2 = bits(0x3FE4_5F30_6DC9_C883)  // 6.36619772367581382433e-01
    private static let pio2_1 = bits(0x3FF9_21FB_5440_0000)   // 1.57079632673412561417e+00, first 33 bits of π/2
    private static let pio2_1t = bits(0x3DD0_B461_1A62_6331)  // 6.07710050650619224932e-11, π/2 − pio2_1
    private static let pio2_2 = bits(0x3DD0_B461_1A60_0000)   // 6.07710050630396597660e-11, second 33 bits
    private static let pio2_2t = bits(0x3BA3_198A_2E03_7073)  // 2.02226624879595063154e-21, π/2 − pio2_1 − pio2_2
    private static let pio2_3 = bits(0x3BA3_198A_2E00_0000)   // 2.02226624871116645580e-21, third 33 bits
    private static let pio2_3t = bits(0x397B_839A_2520_49C1)  // 8.47842766036889956997e-32

    /// The largest |x| that ``sin(_:)`` and ``cos(_:)`` reduce (2^19·π/2 ≈ 823 550): the
    /// Cody–Waite reduction below is exact to 151 bits up to here. Larger arguments give
    /// NaN; DeltaTrace's generators never come near it.
    public static let trigonometricLimit = bits(0x4139_21FB_FFFF_FFFF)

    /// sin x on [−π/4, π/4] for x + y (y the tail of a reduced argument), fdlibm
    /// `__kernel_sin` with its operations in its order.
    private static func kernelSin(_ x: Double, _ y: Double, hasTail: Bool) -> Double {
        if highWord(of: x) & 0x7fff_ffff < 0x3e40_0000 { return x }   // |x| < 2^-27: sin x rounds to x
        let z = x * x
        let v = z * x
        let r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))
        if !hasTail { return x + v * (S1 + z * r) }
        return x - ((z * (0.5 * y - v * r) - y) - v * S1)
    }

    /// cos x on [−π/4, π/4] for x + y, fdlibm 5.3 `__kernel_cos` with its operations in its
    /// order: 1 − (x²/2 − (x²·r − x·y)), with part of x²/2 moved into the 1 when |x| ≥ 0.3
    /// so that the subtraction stays exact.
    private static func kernelCos(_ x: Double, _ y: Double) -> Double {
        let ix = highWord(of: x) & 0x7fff_ffff
        if ix < 0x3e40_0000 { return 1 }                                 // |x| < 2^-27
        let z = x * x
        let r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))))
        if ix < 0x3FD3_3333 { return 1 - (0.5 * z - (z * r - x * y)) }  // |x| < 0.3
        let qx = ix > 0x3fe9_0000 ? 0.28125 : Double(bitPattern: UInt64(ix - 0x0020_0000) << 32)  // x/4, its high word only
        let hz = 0.5 * z - qx
        let a = 1 - qx
        return a - (hz - (z * r - x * y))
    }

    /// The high 32 bits of `x`'s bit pattern.
    @inline(__always)
    private static func highWord(of x: Double) -> UInt32 {
        UInt32(truncatingIfNeeded: x.bitPattern >> 32)
    }

    /// The high words of n·π/2 for n = 1 … 32 (fdlibm's `npio2_hw`): an argument whose high
    /// word is one of these may lie so close to n·π/2 that the first round of the reduction
    /// cancels, and takes the careful path.
    private static let multiplesOfPio2HighWords: [UInt32] = [
        0x3FF9_21FB, 0x4009_21FB, 0x4012_D97C, 0x4019_21FB, 0x401F_6A7A, 0x4022_D97C, 0x4025_FDBB, 0x4029_21FB,
        0x402C_463A, 0x402F_6A7A, 0x4031_475C, 0x4032_D97C, 0x4034_6B9C, 0x4035_FDBB, 0x4037_8FDB, 0x4039_21FB,
        0x403A_B41B, 0x403C_463A, 0x403D_D85A, 0x403F_6A7A, 0x4040_7E4C, 0x4041_475C, 0x4042_106C, 0x4042_D97C,
        0x4043_A28C, 0x4044_6B9C, 0x4045_34AC, 0x4045_FDBB, 0x4046_C6CB, 0x4047_8FDB, 0x4048_58EB, 0x4049_21FB,
    ]

    /// x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4, for π/4 < |x| ≤ ``trigonometricLimit``:
    /// fdlibm `__ieee754_rem_pio2` with its operations in its order. For |x| < 3π/4, n = ±1
    /// and π/2 is taken to 33 + 53 bits (33 + 33 + 53 right at π/2); otherwise
    /// n = round(|x|·2/π) and r = |x| − n·pio2_1 − n·pio2_1t, with a second and a third
    /// round on the next 33 bits of π/2 when the first cancels more than 16 bits, then 49.
    private static func reduce(_ x: Double) -> (n: Int, y0: Double, y1: Double) {
        let hx = highWord(of: x)
        let ix = hx & 0x7fff_ffff
        let negative = hx >> 31 == 1
        if ix < 0x4002_d97c {                                   // |x| < 3π/4: n = ±1
            let sign: Double = negative ? -1 : 1
            var z = x - sign * pio2_1
            if ix != 0x3ff9_21fb {                              // 33 + 53 bits of π/2 suffice
                let y0 = z - sign * pio2_1t
                return (negative ? -1 : 1, y0, (z - y0) - sign * pio2_1t)
            }
            z -= sign * pio2_2                                  // right at π/2: 33 + 33 + 53 bits
            let y0 = z - sign * pio2_2t
            return (negative ? -1 : 1, y0, (z - y0) - sign * pio2_2t)
        }
        let t = x.magnitude
        let n = Int(t * invPio2 + 0.5)
        let fn = Double(n)
        var r = t - fn * pio2_1
        var w = fn * pio2_1t                                    // the first round is good to 85 bits
        var y0: Double
        if n < 32 && ix != multiplesOfPio2HighWords[n - 1] {
            y0 = r - w                                          // no cancellation
        } else {
            let j = Int(ix >> 20)
            y0 = r - w
            if j - Int((highWord(of: y0) >> 20) & 0x7ff) > 16 {  // a second round, good to 118 bits
                var u = r
                w = fn * pio2_2
                r = u - w
                w = fn * pio2_2t - ((u - r) - w)
                y0 = r - w
                if j - Int((highWord(of: y0) >> 20) & 0x7ff) > 49 {  // a third, good to 151 bits
                    u = r
                    w = fn * pio2_3
                    r = u - w
                    w = fn * pio2_3t - ((u - r) - w)
                    y0 = r - w
                }
            }
        }
        let y1 = (r - y0) - w
        return negative ? (-n, -y0, -y1) : (n, y0, y1)
    }

    /// sin x, error < 1 ulp, the same bits on every machine: those of Java's
    /// `StrictMath.sin`, which is fdlibm.
    ///
    /// Method (fdlibm `sin`): for |x| ≤ π/4 the minimax polynomial; otherwise x is reduced
    /// to n·π/2 + y and sin x is ±sin y or ±cos y by n mod 4. Defined for
    /// |x| ≤ ``trigonometricLimit`` (fdlibm's Payne–Hanek reduction of larger arguments is
    /// not needed here); NaN beyond it, for ±∞ and for NaN.
    public static func sin(_ x: Double) -> Double {
        if x.magnitude <= bits(0x3FE9_21FB_FFFF_FFFF) { return kernelSin(x, 0, hasTail: false) }   // |x| up to about π/4 (fdlibm's high-word test)
        guard x.magnitude <= trigonometricLimit else { return .nan }
        let (n, y0, y1) = reduce(x)
        switch n & 3 {
        case 0: return kernelSin(y0, y1, hasTail: true)
        case 1: return kernelCos(y0, y1)
        case 2: return -kernelSin(y0, y1, hasTail: true)
        default: return -kernelCos(y0, y1)
        }
    }

    /// cos x, error < 1 ulp, the same bits on every machine: those of Java's
    /// `StrictMath.cos` (fdlibm `cos`, as ``sin(_:)``).
    public static func cos(_ x: Double) -> Double {
        if x.magnitude <= bits(0x3FE9_21FB_FFFF_FFFF) { return kernelCos(x, 0) }
        guard x.magnitude <= trigonometricLimit else { return .nan }
        let (n, y0, y1) = reduce(x)
        switch n & 3 {
        case 0: return kernelCos(y0, y1)
        case 1: return -kernelSin(y0, y1, hasTail: true)
        case 2: return -kernelCos(y0, y1)
        default: return kernelSin(y0, y1, hasTail: true)
        }
    }
}
