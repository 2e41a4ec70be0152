import DeltaCore
import DeltaText

extension LessonData {
    // MARK: Generators

    /// The names of the generators.
    static let generators = ["xor", "and", "or", "circle"]

    /// A generated dataset: a truth table (`xor`, `and`, `or`: inputs 0/1, one 0/1 target) or
    /// `circle`: `count` points drawn uniformly from [−1, 1]², target 1 inside the circle of
    /// radius √(2/π) around 0 (half the square), drawn from the stream (seed, data).
    static func generate(_ node: YAMLNode, seed: UInt64) throws -> ([[Double]], [[Double]], DataDescription) {
        let name: String, count: Int
        if case .mapping = node.node {
            let m = try node.mapping("`generator`", allowed: ["name", "count"])
            name = try m.require("name", hint: "one of: \(Suggestion.listing(generators))").string("the generator's `name`")
            count = try m["count"]?.int("`count`") ?? 100
            guard count >= 1 else { throw m["count"]!.error("`count` must be at least 1") }
        } else {
            name = try node.string("`generator`")
            count = 100
        }
        let table: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let description = DataDescription(file: nil, generator: name, inputColumns: ["x1", "x2"], targetNames: ["y"])
        switch name {
        case "xor": return (table, table.map { [$0[0] != $0[1] ? 1 : 0] }, description)
        case "and": return (table, table.map { [$0[0] == 1 && $0[1] == 1 ? 1 : 0] }, description)
        case "or": return (table, table.map { [$0[0] == 1 || $0[1] == 1 ? 1 : 0] }, description)
        case "circle":
            var random = DeltaRandom(seed: seed, stream: RandomStream.data.rawValue)
            var inputs: [[Double]] = [], targets: [[Double]] = []
            let r2 = 2 / Double.pi
            for _ in 0..<count {
                let x = [random.nextUnit() * 2 - 1, random.nextUnit() * 2 - 1]
                inputs.append(x)
                targets.append([x[0] * x[0] + x[1] * x[1] < r2 ? 1 : 0])
            }
            return (inputs, targets, description)
        default:
            let guess = Suggestion.didYouMean(name, among: generators)
            throw node.error("unknown generator `\(name)`", hint: "\(guess)use one of: \(Suggestion.listing(generators))")
        }
    }
}
