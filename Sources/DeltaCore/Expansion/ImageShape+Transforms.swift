extension ImageShape {
    /// The image moved one pixel in a direction: the pixel in row r, column c of the result
    /// is the one in row r + 1 (up), r − 1 (down), column c + 1 (left) or c − 1 (right) of
    /// the image, and the row or column that comes in at the edge is 0, the background.
    /// The row or column pushed over the opposite edge is lost.
    public func shifted(_ pixels: some RandomAccessCollection<Double>, _ direction: ExampleTransform.Direction) -> [Double] {
        let (dr, dc): (Int, Int)
        switch direction {
        case .up: (dr, dc) = (1, 0)
        case .down: (dr, dc) = (-1, 0)
        case .left: (dr, dc) = (0, 1)
        case .right: (dr, dc) = (0, -1)
        }
        var out: [Double] = []
        out.reserveCapacity(count)
        for r in 0..<rows {
            for c in 0..<columns { out.append(pixel(pixels, r + dr, c + dc)) }
        }
        return out
    }

    /// The image turned by θ degrees about its centre, anticlockwise as it is drawn (rows
    /// from the top) for θ > 0, by inverse mapping with bilinear interpolation.
    ///
    /// The centre is (r̄, c̄) = ((rows − 1)/2, (columns − 1)/2). For the pixel in row r and
    /// column c of the result, with dx = c − c̄ and dy = r̄ − r (up is positive), the point it
    /// comes from is turned back by θ:
    ///
    ///     sx = dx·cos θ + dy·sin θ,   sy = dy·cos θ − dx·sin θ
    ///     u = c̄ + sx (a column),      v = r̄ − sy (a row)
    ///
    /// and its value is the bilinear mix of the four pixels around (v, u), with r₀ = ⌊v⌋,
    /// c₀ = ⌊u⌋, f = v − r₀, g = u − c₀ and every pixel outside the image 0:
    ///
    ///     (1 − f)·((1 − g)·p(r₀, c₀) + g·p(r₀, c₀ + 1)) + f·((1 − g)·p(r₀ + 1, c₀) + g·p(r₀ + 1, c₀ + 1))
    ///
    /// evaluated in exactly this order, with cos θ and sin θ from ``cosineAndSine(degrees:)``,
    /// so that the same image gives the same bits on every machine. The centre pixel of an
    /// image with odd sides keeps its value; a turn by a multiple of 90° moves pixels
    /// exactly.
    public func rotated(_ pixels: some RandomAccessCollection<Double>, degrees theta: Double) -> [Double] {
        let (cosine, sine) = ImageShape.cosineAndSine(degrees: theta)
        let rBar = Double(rows - 1) / 2, cBar = Double(columns - 1) / 2
        var out: [Double] = []
        out.reserveCapacity(count)
        for r in 0..<rows {
            for c in 0..<columns {
                let dx = Double(c) - cBar, dy = rBar - Double(r)
                let sx = dx * cosine + dy * sine, sy = dy * cosine - dx * sine
                let u = cBar + sx, v = rBar - sy
                let r0 = v.rounded(.down), c0 = u.rounded(.down)
                let f = v - r0, g = u - c0
                let i = Int(r0), j = Int(c0)
                let top = (1 - g) * pixel(pixels, i, j) + g * pixel(pixels, i, j + 1)
                let bottom = (1 - g) * pixel(pixels, i + 1, j) + g * pixel(pixels, i + 1, j + 1)
                out.append((1 - f) * top + f * bottom)
            }
        }
        return out
    }

    /// cos θ and sin θ of an angle in degrees, with + − × ÷ alone so that they are the same
    /// bits on every machine (the system's libm is not; see ``PortableMath``).
    ///
    /// θ is reduced to ρ = θ − 90°·k with k = θ/90 rounded to the nearest whole number
    /// (|ρ| ≤ 45°), x = ρ·π/180, and
    ///
    ///     sin x = x·(1 + x²·(−1/3! + x²·(1/5! + … + x²·(−1/19!))))
    ///     cos x = 1 + x²·(−1/2! + x²·(1/4! + … + x²·(1/20!)))
    ///
    /// (Taylor series to x¹⁹ and x²⁰, evaluated from the innermost term out, n! by repeated
    /// multiplication in doubles; the first term left out is below 10⁻²⁰ for |x| ≤ π/4). Then by k mod 4: (cos θ, sin θ) = (cos x,
    /// sin x), (−sin x, cos x), (−cos x, −sin x), (sin x, −cos x). A multiple of 90° gives
    /// exactly 0 and ±1.
    public static func cosineAndSine(degrees theta: Double) -> (cos: Double, sin: Double) {
        let k = (theta / 90).rounded()
        let x = (theta - 90 * k) * (Double.pi / 180)
        let x2 = x * x
        var s = 0.0, c = 0.0
        var factorial = 1.0
        // 1/n! for n = 0 … 20, from the largest n down, alternating in sign.
        var inverse: [Double] = []
        for n in 1...20 {
            factorial *= Double(n)
            inverse.append(1 / factorial)
        }
        for n in stride(from: 19, through: 3, by: -2) {
            s = x2 * ((n / 2) % 2 == 0 ? inverse[n - 1] + s : -inverse[n - 1] + s)
        }
        let sine = x * (1 + s)
        for n in stride(from: 20, through: 2, by: -2) {
            c = x2 * ((n / 2) % 2 == 0 ? inverse[n - 1] + c : -inverse[n - 1] + c)
        }
        let cosine = 1 + c
        switch ((Int(k) % 4) + 4) % 4 {
        case 0: return (cosine, sine)
        case 1: return (-sine, cosine)
        case 2: return (-cosine, -sine)
        default: return (sine, -cosine)
        }
    }
}
