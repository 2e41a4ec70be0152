import DeltaCore
import DeltaText

/// The inputs of one example as a small picture: an image of the lesson's shape
/// (`data.image`, or 8×8 for 64 inputs), one character per pixel from a ramp of shades
/// (" ░▒▓█", which `--ascii` writes " .:##"), so that it reads without colour; the pixel a
/// focused weight comes from is reversed. Under it, where there is room, a caption: for an
/// example of expanded data, its data row and how it was made ("row 41", "shifted",
/// "right").
struct DigitImage {
    /// The pixel values, row by row (x₁ … x_{rows·columns}).
    let pixels: [Double]
    /// The picture's rows and columns.
    let shape: ImageShape
    /// The pixel to mark (from 0), if any.
    var marked: Int?
    /// Where the example came from, for the caption; nil: no caption.
    var origin: ExampleOrigin?

    /// The shades from lightest to darkest.
    static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The shade of a value between the picture's smallest and largest.
    static func shade(_ v: Double, low: Double, high: Double) -> Character {
        guard high > low else { return ramp[0] }
        let k = Int(((v - low) / (high - low) * Double(ramp.count - 1)).rounded())
        return ramp[max(0, min(ramp.count - 1, k))]
    }

    /// The caption's lines in a width: "row 41", then how the example differs from its row
    /// ("original", "shifted right", "rotated −10°"), wrapped.
    static func caption(_ origin: ExampleOrigin, width: Int) -> [String] {
        ["row \(origin.row)"] + wrap(OriginText.change(origin), width: width)
    }

    /// Draws a header ("x 8×8"), the picture, and under it as much of the caption as fits
    /// into a rectangle.
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
        guard let origin else { return }
        let top = rect.y + 1 + shape.rows
        let lines = DigitImage.caption(origin, width: rect.width)
        // The whole caption or none of it: half of it would name a different change.
        guard top + lines.count <= rect.maxY, lines.allSatisfy({ $0.count <= rect.width }) else { return }
        for (k, line) in lines.enumerated() {
            canvas.put(line, x: rect.x, y: top + k, style: k == 0 ? Theme.label : Theme.touched, clip: rect)
        }
    }
}
