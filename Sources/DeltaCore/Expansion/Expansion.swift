/// Artificial expansion of the training data (`data.expand`): more examples made from the
/// ones there are, each training example followed by copies of it that are a little
/// different — an image moved by one pixel or turned a few degrees, or numeric inputs with
/// a little Gaussian noise — so that the network learns what does not change the answer.
///
/// Only training examples are expanded (validation and test examples stay as read), and
/// every copy keeps its row's target. The expanded training set is, for each training row
/// in order, the row itself and then its copies, in the order of ``transforms(of:seed:)``;
/// each example's ``ExampleOrigin`` says which row it came from and how.
///
/// Every random choice comes from one stream per data row, `DeltaRandom(seed: seed, stream:
/// RandomStream.expansion, row)` with the lesson's `train.seed` and the row counted from 0
/// in file order: a row gets the same copies in every run, whichever other rows are trained
/// on with it (a fold of cross-validation, a variant).
public enum Expansion: Sendable, Hashable {
    /// No expansion: the training rows as read.
    case none
    /// Image copies: with `shifts`, the image moved one pixel up, down, left and right (four
    /// copies, in that order), then the image turned by each angle of `rotations` (degrees,
    /// anticlockwise when positive), in the order written. With `copies` K, each image gets
    /// K of these transforms instead of all: the first K of a shuffle of their list (the
    /// row's stream, ``DeltaRandom/shuffle(_:)``), kept in the list's order.
    case image(shifts: Bool, rotations: [Double], copies: Int?)
    /// Noisy copies: `copies` copies of every row, each input x_i with σ·N(0, 1) added
    /// (σ = `standardDeviation`), the normal values drawn in order from the row's stream:
    /// copy 1's x_1 … x_n, then copy 2's, and so on.
    case noise(standardDeviation: Double, copies: Int)

    /// Every transform the expansion may apply, in order: the shifts (up, down, left, right),
    /// then the rotations; for noise, one noise transform.
    public var transforms: [ExampleTransform] {
        switch self {
        case .none: return []
        case .image(let shifts, let rotations, _):
            return (shifts ? ExampleTransform.Direction.allCases.map(ExampleTransform.shift) : [])
                + rotations.map { ExampleTransform.rotation(degrees: $0) }
        case .noise(let sigma, _): return [.noise(standardDeviation: sigma)]
        }
    }

    /// The copies each training example gets: K with `copies`, else one per transform (none
    /// without expansion).
    public var copiesPerExample: Int {
        switch self {
        case .none: return 0
        case .image(_, _, let copies): return copies ?? transforms.count
        case .noise(_, let copies): return copies
        }
    }

    /// Whether some transform moves pixels, and so needs `data.image`.
    public var needsImage: Bool {
        transforms.contains { if case .noise = $0 { false } else { true } }
    }

    /// n, the size of the expanded training set of `rows` training rows: rows × (1 + copies).
    public func trainingSetSize(rows: Int) -> Int { rows * (1 + copiesPerExample) }

    /// The transforms that make a row's copies, in order, and the row's stream after any
    /// random choice among them (the noise is drawn from it next).
    func transforms(of row: Int, seed: UInt64) -> (transforms: [ExampleTransform], random: DeltaRandom) {
        var random = DeltaRandom(seed: seed, stream: RandomStream.expansion.rawValue, UInt64(row))
        switch self {
        case .none: return ([], random)
        case .noise(let sigma, let copies): return (Array(repeating: .noise(standardDeviation: sigma), count: copies), random)
        case .image(_, _, let copies):
            let all = transforms
            guard let copies, copies < all.count else { return (all, random) }
            var order = Array(all.indices)
            random.shuffle(&order)
            return (order.prefix(copies).sorted().map { all[$0] }, random)
        }
    }

    /// The expanded training set: for each example of `training` (whose data rows are
    /// `rows`, counted from 0 in file order), the example and then its copies, each marked
    /// with its ``ExampleOrigin``. Without expansion, the examples as given, marked as the
    /// rows themselves.
    ///
    /// - Precondition: `image` is given when ``needsImage``, and has the inputs' width.
    /// - Throws: ``DatasetError/notFinite(example:column:isTarget:)`` if a copy's input is
    ///   not finite (noise added to an input near the largest double).
    public func apply(to training: Dataset, rows: [Int], image: ImageShape?, seed: UInt64) throws(DatasetError) -> Dataset {
        precondition(rows.count == training.count, "one data row per training example")
        precondition(!needsImage || image?.count == training.inputWidth, "shifts and rotations need the image's shape")
        let copies = copiesPerExample
        var inputs: [Double] = [], targets: [Double] = [], origins: [ExampleOrigin] = []
        inputs.reserveCapacity(training.inputs.count * (1 + copies))
        targets.reserveCapacity(training.targets.count * (1 + copies))
        origins.reserveCapacity(training.count * (1 + copies))
        for (m, row) in rows.enumerated() {
            let x = training.x(m), y = training.y(m)
            inputs += x
            targets += y
            origins.append(ExampleOrigin(row: row))
            var (chosen, random) = transforms(of: row, seed: seed)
            for (k, transform) in chosen.enumerated() {
                inputs += transform.apply(to: x, image: image, random: &random)
                targets += y
                origins.append(ExampleOrigin(row: row, copy: k + 1, transform: transform))
            }
        }
        return try Dataset(flatInputs: inputs, inputWidth: training.inputWidth, flatTargets: targets, targetWidth: training.targetWidth)
            .marked(with: origins)
    }
}
