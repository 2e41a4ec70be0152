import DeltaCore

/// Where a training example came from, in words (the screen) and as a code (the trace's
/// JSON): its data row and, for a copy that `data.expand` made, how it was made.
public enum OriginText {
    /// How an example differs from its data row, for the screen: "original", "shifted
    /// right", "rotated −10°", "noisy copy 2".
    public static func change(_ origin: ExampleOrigin) -> String {
        switch origin.transform {
        case nil: return "original"
        case .shift(let direction)?: return "shifted \(direction.rawValue)"
        case .rotation(let degrees)?: return "rotated \(NumberText.format(degrees))°"
        case .noise?: return "noisy copy \(origin.copy)"
        }
    }

    /// The row and the change, for the screen: "row 41" for the row itself, "row 41,
    /// shifted right" for a copy (rows counted from 0 in file order, as `trace` writes them).
    public static func describe(_ origin: ExampleOrigin) -> String {
        origin.isOriginal ? "row \(origin.row)" : "row \(origin.row), \(change(origin))"
    }

    /// A transform as the trace's JSON writes it, in ASCII for scripts: "shift up 1",
    /// "shift right 1" (pixels), "rotate -10" (degrees, anticlockwise when positive),
    /// "noise 0.05" (the standard deviation).
    public static func code(_ transform: ExampleTransform) -> String {
        switch transform {
        case .shift(let direction): return "shift \(direction.rawValue) 1"
        case .rotation(let degrees): return "rotate \(NumberText.written(degrees))"
        case .noise(let sigma): return "noise \(NumberText.written(sigma))"
        }
    }
}
