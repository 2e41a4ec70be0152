/// A step of a run as a person names it — any of epoch, update, example, kind of step and
/// layer, with the rest left to defaults. A lesson's `at: {epoch, update, example, step,
/// layer}` and the screen's go-to prompt (`12 1 2 oe`) both become one of these, and
/// ``resolve(in:currentEpoch:)`` is the one place that turns it into a position of a run.
public struct PositionQuery: Sendable, Hashable {
    /// The epoch e, from 1 (default: the current epoch, or 1).
    public var epoch: Int?
    /// The update u within the epoch, from 1 (default 1).
    public var update: Int?
    /// The example m within the minibatch, from 1 (default 1).
    public var example: Int?
    /// The kind of step (default: feedforward).
    public var phase: Phase?
    /// The layer l (default: 1 for feedforward, L for every other kind).
    public var layer: Int?

    /// A query; see each property.
    public init(epoch: Int? = nil, update: Int? = nil, example: Int? = nil, phase: Phase? = nil, layer: Int? = nil) {
        self.epoch = epoch
        self.update = update
        self.example = example
        self.phase = phase
        self.layer = layer
    }

    /// Reads typed text: up to three numbers, in the order epoch, update, example; a kind of
    /// step by name or abbreviation (``Phase/init(name:)``); and `lN` (or `l=N`) for layer N.
    /// Words are separated by spaces, commas, slashes or points: `12`, `12 3`, `12.3`,
    /// `12 3 2 oe`, `1 1 1 bp l2`.
    public static func parse(_ text: String) -> Result<PositionQuery, PositionError> {
        var query = PositionQuery(), numbers: [Int] = []
        for word in text.lowercased().split(whereSeparator: { " ,/.".contains($0) }) {
            let word = String(word)
            if let n = Int(word) {
                guard numbers.count < 3 else { return .failure(.tooManyNumbers) }
                numbers.append(n)
            } else if word.hasPrefix("l"), let n = Int(word.dropFirst(word.hasPrefix("l=") ? 2 : 1)) {
                query.layer = n
            } else if let phase = Phase(name: word) {
                query.phase = phase
            } else {
                return .failure(.unknownStep(word))
            }
        }
        if numbers.count > 0 { query.epoch = numbers[0] }
        if numbers.count > 1 { query.update = numbers[1] }
        if numbers.count > 2 { query.example = numbers[2] }
        return .success(query)
    }

    /// The position this names in a run laid out as `layout`, or why there is none.
    ///
    /// - Parameter currentEpoch: the epoch used when the query names none.
    public func resolve(in layout: TraceLayout, currentEpoch: Int = 1) -> Result<TracePosition, PositionError> {
        let m = example ?? 1, phase = phase ?? .feedforward
        let l = layer ?? (phase == .feedforward ? 1 : layout.layers)
        let step: Step
        switch phase {
        case .feedforward: step = .feedforward(example: m, layer: l)
        case .outputError: step = .outputError(example: m)
        case .backpropagate: step = .backpropagate(example: m, layer: l)
        case .gradientDescent: step = .gradientDescent(layer: l)
        }
        let position = TracePosition(epoch: epoch ?? currentEpoch, update: update ?? 1, step: step)
        return layout.contains(position) ? .success(position) : .failure(.notInRun(position))
    }
}

/// Why a named position is not a step of a run. DeltaText words it, with the ranges that
/// the run does have.
public enum PositionError: Error, Sendable, Hashable {
    /// A word that is neither a number, a kind of step nor a layer.
    case unknownStep(String)
    /// More than three numbers (epoch, update, example).
    case tooManyNumbers
    /// The position is outside the run: an epoch, update, example or layer it does not
    /// have, or backpropagation in a one-layer network.
    case notInRun(TracePosition)
}
