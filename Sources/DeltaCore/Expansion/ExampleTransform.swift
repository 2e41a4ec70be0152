/// How an expanded training example was made from its data row (``Expansion``): moved one
/// pixel, turned, or with noise added to every input.
public enum ExampleTransform: Sendable, Hashable {
    /// The image moved one pixel (``ImageShape/shifted(_:_:)``).
    case shift(Direction)
    /// The image turned by some degrees, anticlockwise for a positive angle
    /// (``ImageShape/rotated(_:degrees:)``).
    case rotation(degrees: Double)
    /// Every input x_i with σ·N(0, 1) added, σ the standard deviation (in the inputs' units,
    /// after `scale`).
    case noise(standardDeviation: Double)

    /// A direction of a one-pixel shift, as the image is drawn (rows from the top).
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        /// Every pixel one row up; the bottom row becomes 0.
        case up
        /// Every pixel one row down; the top row becomes 0.
        case down
        /// Every pixel one column left; the right column becomes 0.
        case left
        /// Every pixel one column right; the left column becomes 0.
        case right
    }

    /// The transform applied to one example's inputs: an image's pixels for a shift or a
    /// rotation, any inputs for noise, whose N(0, 1) values come from `random` in input order.
    public func apply(to x: some RandomAccessCollection<Double>, image: ImageShape?, random: inout DeltaRandom) -> [Double] {
        switch self {
        case .shift(let direction):
            guard let image else { preconditionFailure("a shift needs the image's shape") }
            return image.shifted(x, direction)
        case .rotation(let degrees):
            guard let image else { preconditionFailure("a rotation needs the image's shape") }
            return image.rotated(x, degrees: degrees)
        case .noise(let sigma):
            return x.map { $0 + sigma * random.nextGaussian() }
        }
    }
}
