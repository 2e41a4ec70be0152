import DeltaCore

/// The inputs of one example as a small picture: an image of the lesson's shape
/// (`data.image`, or 8×8 for 64 inputs), one character per pixel from a ramp of shades
/// (" ░▒▓█", which `--ascii` writes " .:##"), so that it reads without colour; the pixel a
/// focused weight comes from is reversed.
struct DigitImage {
    /// The pixel values, row by row (x₁ … x_{rows·columns}).
    let pixels: [Double]
    /// The picture's rows and columns.
    let shape: ImageShape
    /// The pixel to mark (from 0), if any.
    var marked: Int?

    /// The shades from lightest to darkest.
    static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The shade of a value between the picture's smallest and largest.
    static func shade(_ v: Double, low: Double, high: Double) -> Character {
        guard high > low else { return ramp[0] }
        let k = Int(((v - low) / (high - low) * Double(ramp.count - 1)).rounded())
        return ramp[max(0, min(ramp.count - 1, k))]
    }

    /// Draws a header ("x 8×8") and the picture into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.put("x \(shape.rows)×\(shape.columns)", x: rect.x, y: rect.y, style: Theme.label, clip: rect)
        let low = pixels.min() ?? 0, high = pixels.max() ?? 0
        for (k, v) in pixels.enumerated() {
            var style = Style.plain
            if k == marked { style = Theme.focused }
            let x = rect.x + k % shape.columns, y = rect.y + 1 + k / shape.columns
            // A marked blank pixel still shows where it is.
            let shade = DigitImage.shade(v, low: low, high: high)
            canvas.put(String(k == marked && shade == " " ? "·" : shade), x: x, y: y, style: style, clip: rect)
        }
    }
}
