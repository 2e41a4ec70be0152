import DeltaCore
import DeltaText

extension LessonData {
    // MARK: Images and expansion

    /// Reads `image: [rows, columns]`, which must have as many pixels as each example has
    /// inputs.
    static func readImage(_ node: YAMLNode, inputWidth: Int) throws -> ImageShape {
        let hint = "give the image's rows and columns, e.g. image: [8, 8] for 64 pixel inputs"
        let sides = try node.list("`image`", hint: hint)
        guard sides.count == 2 else {
            throw node.error("`image` must list 2 numbers, rows and columns, not \(sides.count)", hint: hint)
        }
        let rows = try sides[0].int("the image's rows"), columns = try sides[1].int("the image's columns")
        for (side, value) in zip(sides, [rows, columns]) where value < 1 {
            throw side.error("an image side must be at least 1 pixel, not \(value)", hint: hint)
        }
        guard rows * columns == inputWidth else {
            throw node.error("`image: [\(rows), \(columns)]` has \(rows * columns) pixels, but each example has \(inputWidth) input\(inputWidth == 1 ? "" : "s")",
                             hint: "rows × columns must equal the number of inputs (the input columns of the data)")
        }
        return ImageShape(rows: rows, columns: columns)
    }

    /// Checks that the settings' `expand` fits the data: shifts and rotations need `image`,
    /// and every row, expanded, must give finite inputs (noise added to an input near the
    /// largest double would not). Every row is expanded, not only the training rows, so that
    /// any split of them (a fold of cross-validation) can be expanded too.
    func checkExpansion(_ s: Settings) throws {
        let expand = s.data.expand
        guard expand != .none else { return }
        let at = s.location(.expand, or: location)
        if expand.needsImage && image == nil {
            throw LessonError(at, "shifts and rotations move the pixels of an image, and the data does not say it is one",
                              hint: "add `image: [rows, columns]` under `data:` (e.g. image: [8, 8] for 64 pixel inputs), or make noisy copies of numeric inputs with expand: {noise: 0.05, copies: 3}")
        }
        do {
            _ = try expand.apply(to: examples, rows: Array(0..<examples.count), image: image, seed: seed)
        } catch {
            throw LessonError(at, "the expanded examples are not all finite numbers", hint: "the inputs are too large for this noise: use `scale:` to bring them near 1")
        }
    }
}
