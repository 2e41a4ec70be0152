import DeltaCore
import DeltaText

/// The keys of a lesson's `network`, `init`, `data` and `train` sections, each declared once.
///
/// To add a key: declare it here (section, name, README's meaning and default, and how its
/// value is read into ``Settings``), list it in ``all`` and copy its row of
/// ``markdownTable(for:)`` into lessons/README.md (the README test prints the row). Keys are
/// read in the order of ``all``, so a key may build on one declared before it (`biases` on
/// `weights`, `lambda` on `regularization`).
extension LessonKey {
    /// Every declared key, in the order in which they are read and documented.
    public static let all: [LessonKey] = [
        layers, hidden, output, cost,
        scheme, initSeed, weights, biases,
        inputs, targets, file, classColumn, labels, scale, rows, holdout, test, generator, standardize, image, expand,
        eta, batch, epochs, shuffle, trainSeed, regularization, lambda, dropout, earlyStopping,
    ]

    // MARK: network

    /// n_0 … n_L.
    public static let layers = LessonKey(
        .network, "layers", meaning: "the layer sizes n_0, n_1, …, n_L, input first: `[64, 30, 10]`",
        default: .required(hint: "list the layer sizes, input first, e.g. layers: [2, 3, 1]"),
        write: { "[" + $0.layers.map(String.init).joined(separator: ", ") + "]" }
    ) { value, s in
        let sizes = try value.list("`layers`", hint: "list the layer sizes, input first, e.g. [2, 3, 1]")
        s.layers = try sizes.map { try $0.int("a layer size") }
        if let bad = s.layers.firstIndex(where: { $0 < 1 }) {
            throw sizes[bad].error("layer \(bad) has \(s.layers[bad]) nodes", hint: "every layer needs at least 1 node")
        }
        if let bad = s.layers.firstIndex(where: { $0 > 100_000 }) {
            throw sizes[bad].error("layer \(bad) has \(s.layers[bad]) nodes, too many to trace", hint: "use at most 100000 nodes per layer")
        }
    }

    /// The activation f of the hidden layers.
    public static let hidden = LessonKey(
        .network, "hidden", meaning: "the activation of every hidden layer: `sigmoid`, `tanh`, `relu`, `linear`",
        default: .value("`sigmoid`"),
        write: { $0.hidden.rawValue }
    ) { value, s in s.hidden = try value.choice("the hidden activation", Activation.self) }

    /// The activation f of layer L.
    public static let output = LessonKey(
        .network, "output", meaning: "the activation of the output layer: `sigmoid`, `softmax`, `linear`, `relu`, `tanh`",
        default: .value("`sigmoid`"),
        write: { $0.output.rawValue }
    ) { value, s in s.output = try value.choice("the output activation", Activation.self) }

    /// The cost C.
    public static let cost = LessonKey(
        .network, "cost",
        meaning: "`mse` (the lecture's (1/n_L) Σ (y − a)²), `quadratic` (½‖y − a‖², Nielsen's and Mazur's), `cross-entropy` (sigmoid outputs), `log-likelihood` (softmax outputs)",
        default: .required(hint: "choose one of: \(Suggestion.listing(Cost.allCases.map(\.rawValue)))"),
        write: { $0.cost.rawValue }
    ) { value, s in s.cost = try value.choice("the cost", Cost.self) }

    // MARK: init

    /// The names of the initialisation schemes, as a lesson writes them.
    static let schemes: [(name: String, scheme: Initialization)] = [
        ("gaussian", .gaussian), ("unit-gaussian", .unitGaussian), ("slide-sqrt-n", .slideSqrtN),
    ]

    /// A scheme that draws every w_{l,i,j} and b_{l,j}.
    public static let scheme = LessonKey(
        .initialization, "scheme",
        meaning: "`gaussian` (sd 1/√n_in, what the lecture's slide means), `unit-gaussian` (sd 1), `slide-sqrt-n` (sd √n_in, the slide as printed: it saturates almost every node)",
        default: .value("`gaussian`"),
        write: { s in schemes.first { $0.scheme == s.initialization }?.name }
    ) { value, s in
        let name = try value.string("`scheme`")
        guard let scheme = schemes.first(where: { $0.name == name })?.scheme else {
            let names = schemes.map(\.name)
            throw value.error("unknown initialisation scheme `\(name)`",
                              hint: "\(Suggestion.didYouMean(name, among: names))use one of: \(Suggestion.listing(names)), or give `weights:` and `biases:`")
        }
        s.initialization = scheme
    }

    /// The seed of the initial parameters.
    public static let initSeed = LessonKey(
        .initialization, "seed",
        meaning: "the seed of the initial weights and biases alone: a variant starts from the lesson's initial parameters unless it changes `layers` or a key of `init`",
        default: .value("the lesson's `train.seed`"),
        derive: { $0.initSeed = $0.training.seed },
        write: { String($0.initSeed) }
    ) { value, s in s.initSeed = try seed(value) }

    /// Explicit weights: `weights[l-1][i][j]` = w_{l,i+1,j+1}. Explicit biases already given
    /// (a variant's lesson's) stay: a change of `weights` alone changes the weights alone.
    public static let weights = LessonKey(
        .initialization, "weights",
        meaning: "one matrix per layer after the input: `weights[l-1]` is layer l's matrix, with one row per node i of layer l−1 and one entry per node j of layer l, so its row i, entry j is w_{l,i,j} (rows and entries counted from 1 in the lecture's notation, from 0 in the list)",
        default: .value("—"),
        write: { s in if case .explicit(let w, _) = s.initialization { return written(w) } else { return nil } }
    ) { value, s in
        let matrices = try value.list("`weights`", hint: "one matrix per layer after the input: weights[l-1][i][j] = w_{l,i,j}")
        var biases: [[Double]]?
        if case .explicit(_, let given) = s.initialization { biases = given }
        s.initialization = .explicit(weights: try matrices.enumerated().map { try $1.matrix("weights[\($0)]") }, biases: biases)
    }

    /// Explicit biases: `biases[l-1][j]` = b_{l,j+1}; read after `weights`, whose matrices they join.
    public static let biases = LessonKey(
        .initialization, "biases", meaning: "one list per layer after the input: `biases[l-1][j]` is b_{l,j}",
        default: .value("drawn from N(0, 1)"),
        write: { s in if case .explicit(_, let b?) = s.initialization { return written(b) } else { return nil } }
    ) { value, s in
        let biases = try value.matrix("`biases`")
        guard case .explicit(let weights, _) = s.initialization else {
            throw value.error("`biases` are given without `weights`", hint: "give `weights:` too, or leave both out and use a `scheme:`")
        }
        s.initialization = .explicit(weights: weights, biases: biases)
    }

    // MARK: data (read together by LessonData)

    /// Inline input rows, or the input columns of a file.
    public static let inputs = LessonKey(
        .data, "inputs",
        meaning: "inline: a list of input rows, each n_0 numbers. With `file`: the input column names (default: every column that is not a target)",
        default: .value("—"), read: nil)

    /// Inline target rows, or the target columns of a file.
    public static let targets = LessonKey(
        .data, "targets", meaning: "inline: a list of target rows, each n_L numbers. With `file`: the target column names",
        default: .value("—"), read: nil)

    /// A CSV or IDX file, relative to the lesson's folder.
    public static let file = LessonKey(
        .data, "file", meaning: "a CSV file with a header row, relative to the lesson's folder: `../datasets/iris.csv`; or an IDX file (the MNIST format, told apart by its first byte, 0): item m of its first dimension is example m, and its values in file order — an image's pixels row by row — are x (any IDX type: unsigned or signed bytes, 16- or 32-bit integers, floats, doubles); the classes come from `labels`",
        default: .value("—"), read: nil)

    /// A column of class labels, turned into one-hot targets.
    public static let classColumn = LessonKey(
        .data, "class",
        meaning: "with `file`: a column of class labels, turned into one-hot targets (classes in order of first appearance; numeric labels in numeric order)",
        default: .value("—"), read: nil)

    /// The class labels of an IDX file's examples.
    public static let labels = LessonKey(
        .data, "labels",
        meaning: "with an IDX `file`: an IDX file of one whole number per example (MNIST's `train-labels-idx1-ubyte`, magic number 0x00000801), relative to the lesson's folder, turned into one-hot targets as `class` does (classes in numeric order). The two files must hold the same number of examples, and each file exactly the bytes its header promises; with `rows: N` only the first N images are read",
        default: .value("—"), read: nil)

    /// A factor for every input.
    public static let scale = LessonKey(
        .data, "scale", meaning: "a number every input is multiplied by (`0.0625` turns pixel values 0–16 into 0–1)",
        default: .value("1"), read: nil)

    /// The first N rows only.
    public static let rows = LessonKey(
        .data, "rows", meaning: "use only the first N rows", default: .value("every row"), read: nil)

    /// Validation examples held out.
    public static let holdout = LessonKey(
        .data, "holdout",
        meaning: "hold out N examples (or a fraction such as `0.2` of them), chosen at random with `train.seed`, as validation data: each epoch then reports the validation cost and accuracy too",
        default: .value("0"), read: nil)

    /// Examples kept for the test.
    public static let test = LessonKey(
        .data, "test",
        meaning: "keep N examples (or a fraction such as `0.2` of them), chosen at random with `train.seed` apart from the `holdout`, as test data: it is never trained on nor shown while training, and is evaluated once, when asked (`run --test`, the `test-cost` and `test-accuracy` claims)",
        default: .value("0"), read: nil)

    /// Generated examples (``DataGenerator``).
    public static let generator = LessonKey(
        .data, "generator",
        meaning: "`xor`, `and`, `or` (the four rows of the truth table), or points drawn with `train.seed`: `circle` (x = (2u₁ − 1, 2u₂ − 1), y = 1 where x1² + x2² < 2/π, half the square), `blobs` (x = (2y − 1, 2y − 1) + σ(g₁, g₂): clouds around (−1, −1) and (1, 1)), `moons` (θ = πu; x = (cos θ, sin θ) for y = 0, (1 − cos θ, ½ − sin θ) for y = 1), `spirals` (t = u, φ = 3πt + πy, x = (t cos φ, t sin φ): two arms of 1½ turns), `sine` (one input x = π(2u − 1), target y = sin x + σg, for a linear output). Point i has class y = i mod 2; u is uniform in [0, 1), g is N(0, 1), σ is `noise`, added to each input (to the target for `sine`; after the circle's y is decided). As a mapping `{name: moons, count: 200, noise: 0.1}`: `count` from 1 to 1000000 (default 100), `noise` σ ≥ 0 (default 0 for `circle`, 0.5 for `blobs`, 0.05 for `spirals`, 0.1 for `moons` and `sine`); a truth table takes neither. `deltatrace gen` writes the same points to a CSV file",
        default: .value("—"), read: nil)

    /// Feature scaling.
    public static let standardize = LessonKey(
        .data, "standardize",
        meaning: "`true`: shift and scale every input column to mean 0 and standard deviation 1, with the mean and standard deviation of the training examples alone (validation and test examples, and the inputs of `output` claims, are scaled with the same numbers). A variant may change it",
        default: .value("`false`"),
        write: { String($0.data.standardize) }
    ) { value, s in s.data.standardize = try value.bool("`standardize`") }

    /// The shape of image inputs (``ImageShape``), read by `LessonData`.
    public static let image = LessonKey(
        .data, "image",
        meaning: "`[rows, columns]`: each example's inputs are the pixels of an image of that shape, row by row from the top (rows × columns must equal n_0, e.g. `[8, 8]` for 64 inputs); the screen draws the example as a picture, and `expand` may move and turn it",
        default: .value("—"), read: nil)

    /// Artificial expansion of the training data (``Expansion``).
    public static let expand = LessonKey(
        .data, "expand",
        meaning: "more training examples made from each training row, which keep its target: `{shifts: true, rotations: [-10, 10], copies: K}` for `image` data (`shifts`: the image moved one pixel up, down, left and right, the row or column coming in 0; `rotations`: turned by each angle in degrees about its centre, anticlockwise when positive, with bilinear interpolation; K of these per image, chosen at random with `train.seed`, or all without `copies`), `{noise: σ, copies: K}` for any inputs (K copies, default 1, each input plus σ·N(0, 1)), or `none`. Each row is followed by its copies; validation and test rows are never expanded, and `standardize` takes its statistics from the expanded training examples. A variant may change it",
        default: .value("`none`"),
        write: { $0.data.expand.written }
    ) { value, s in s.data.expand = try Expansion.read(value) }

    // MARK: train

    /// η.
    public static let eta = LessonKey(
        .train, "eta", meaning: "η, the learning rate, greater than 0",
        default: .required(hint: "give η, the learning rate, e.g. eta: 0.5"),
        write: { NumberText.written($0.training.eta) }
    ) { value, s in
        s.training.eta = try value.double("`eta`")
        guard s.training.eta > 0 else {
            throw value.error("η must be greater than 0, not \(NumberText.written(s.training.eta))", hint: "a typical learning rate is between 0.01 and 3")
        }
    }

    /// M.
    public static let batch = LessonKey(
        .train, "batch", meaning: "M, the examples per minibatch (the last minibatch of an epoch takes what is left)",
        default: .value("1"),
        write: { String($0.training.batchSize) }
    ) { value, s in
        s.training.batchSize = try value.int("`batch`")
        guard s.training.batchSize >= 1 else {
            throw value.error("the minibatch size must be at least 1, not \(s.training.batchSize)", hint: "batch: 1 updates after every example")
        }
    }

    /// The number of epochs.
    public static let epochs = LessonKey(
        .train, "epochs", meaning: "passes over the training data", default: .value("1"),
        write: { String($0.training.epochs) }
    ) { value, s in
        s.training.epochs = try value.int("`epochs`")
        guard s.training.epochs >= 1 else { throw value.error("`epochs` must be at least 1, not \(s.training.epochs)") }
        guard s.training.epochs <= 1_000_000 else {
            throw value.error("\(s.training.epochs) epochs is more than a lesson can step through", hint: "use at most 1000000")
        }
    }

    /// Whether each epoch draws a new order.
    public static let shuffle = LessonKey(
        .train, "shuffle", meaning: "draw a new order of the examples each epoch", default: .value("`false`"),
        write: { String($0.training.shuffle) }
    ) { value, s in s.training.shuffle = try value.bool("`shuffle`") }

    /// The seed of the run's random choices.
    public static let trainSeed = LessonKey(
        .train, "seed",
        meaning: "the seed of every random choice: initial weights (unless `init.seed` is given), shuffles, dropout, holdout, generated data. A variant's `train.seed` changes its shuffles and dropout alone: it keeps the lesson's initial weights and data",
        default: .value("1"),
        write: { String($0.training.seed) }
    ) { value, s in s.training.seed = try seed(value) }

    /// The regularisation of the weights.
    public static let regularization = LessonKey(
        .train, "regularization",
        meaning: "`none`, `l2` (w ← (1 − ηλ/n) w − η∇) or `l1` (w ← w − (ηλ/n) sgn w − η∇); n is the training-set size, biases are not regularised",
        default: .value("`none`"),
        write: { s in
            switch s.training.regularization {
            case .none: return "none"
            case .l2: return "l2"
            case .l1: return "l1"
            }
        }
    ) { value, s in
        let name = try value.string("`regularization`")
        switch name {
        case "none": s.training.regularization = .none
        case "l2": s.training.regularization = .l2(lambda: s.lambda)
        case "l1": s.training.regularization = .l1(lambda: s.lambda)
        default:
            throw value.error("unknown regularization `\(name)`", hint: "\(Suggestion.didYouMean(name, among: ["none", "l2", "l1"]))use none, l2 or l1")
        }
    }

    /// λ; read after `regularization`, which it joins.
    public static let lambda = LessonKey(
        .train, "lambda", meaning: "λ", default: .value("0"),
        write: { NumberText.written($0.lambda) }
    ) { value, s in
        let lambda = try value.double("`lambda`")
        guard lambda >= 0 else { throw value.error("λ must be 0 or more, not \(NumberText.written(lambda))") }
        s.lambda = lambda
        switch s.training.regularization {
        case .none: break
        case .l2: s.training.regularization = .l2(lambda: lambda)
        case .l1: s.training.regularization = .l1(lambda: lambda)
        }
    }

    /// p, the dropout probability.
    public static let dropout = LessonKey(
        .train, "dropout",
        meaning: "p, the chance that a hidden node is dropped for one example (kept activations are scaled by 1/(1 − p))",
        default: .value("0"),
        write: { NumberText.written($0.training.dropout) }
    ) { value, s in
        s.training.dropout = try value.double("`dropout`")
        guard s.training.dropout >= 0 && s.training.dropout < 1 else {
            throw value.error("the dropout probability must be at least 0 and below 1, not \(NumberText.written(s.training.dropout))",
                              hint: "it is the chance that a hidden node is dropped for one example, e.g. 0.5")
        }
    }

    /// The keys of `early-stopping`'s mapping.
    static let earlyStoppingKeys = ["patience", "metric", "restore-best"]

    /// Nielsen's "no improvement in P epochs" (``EarlyStopping``).
    public static let earlyStopping = LessonKey(
        .train, "early-stopping",
        meaning: "stop when the validation data stops improving: `{patience: P, metric: validation-cost, restore-best: true}` stops training after P epochs (P ≥ 1) in which the metric has not beaten its best value since epoch 0. `metric` is `validation-cost` (the default) or `validation-accuracy` (for a classification); with `restore-best` (the default) the run ends with the parameters of its best epoch. Needs `holdout` under `data`; `false` turns it off in a variant",
        default: .value("off"),
        write: { s in
            s.training.earlyStopping.map { "{patience: \($0.patience), metric: \($0.metric.rawValue), restore-best: \($0.restoreBest)}" } ?? "false"
        }
    ) { value, s in
        if case .scalar = value.node {
            guard (try? value.bool("`early-stopping`")) == false else {
                throw value.error("`early-stopping` must be a mapping such as {patience: 10}, or false to turn it off, not \(value.described)",
                                  hint: "write early-stopping: {patience: 10, metric: validation-cost, restore-best: true}")
            }
            s.training.earlyStopping = nil
            return
        }
        let m = try value.mapping("`early-stopping`", allowed: earlyStoppingKeys)
        let patienceNode = try m.require("patience", hint: "say how many epochs without improvement to allow, e.g. {patience: 10}")
        let patience = try patienceNode.int("`patience`")
        guard patience >= 1 else {
            throw patienceNode.error("`patience` must be at least 1, not \(patience)", hint: "it is the number of epochs without improvement that stops training")
        }
        s.training.earlyStopping = EarlyStopping(
            patience: patience, metric: try m["metric"]?.choice("the metric", EarlyStopping.Metric.self) ?? .validationCost,
            restoreBest: try m["restore-best"]?.bool("`restore-best`") ?? true)
    }

    /// Numbers, lists and matrices as a lesson writes them: [[0.6, 1], [-2, 0.5]].
    static func written(_ values: [Double]) -> String { "[" + values.map(NumberText.written).joined(separator: ", ") + "]" }
    /// Rows as a lesson writes them.
    static func written(_ rows: [[Double]]) -> String { "[" + rows.map(written).joined(separator: ", ") + "]" }
    /// Matrices as a lesson writes them.
    static func written(_ matrices: [[[Double]]]) -> String { "[" + matrices.map(written).joined(separator: ", ") + "]" }

    /// A seed: a whole number, 0 or more.
    static func seed(_ node: YAMLNode) throws -> UInt64 {
        let value = try node.int("the seed")
        guard value >= 0 else { throw node.error("the seed must be 0 or more, not \(value)") }
        return UInt64(value)
    }
}
