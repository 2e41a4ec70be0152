import DeltaCore
import DeltaText

extension LessonData {
    // MARK: Generators

    /// Reads `generator` — a shape's name (`xor`, `moons`), or a mapping `{name: moons,
    /// count: 200, noise: 0.1}` — into a ``DataGenerator``, every problem located at the
    /// value it is about.
    static func generator(_ node: YAMLNode) throws -> DataGenerator {
        let names = DataGenerator.Shape.allCases.map(\.rawValue)
        let nameNode: YAMLNode, countNode: YAMLNode?, noiseNode: YAMLNode?
        if case .mapping = node.node {
            let m = try node.mapping("`generator`", allowed: ["name", "count", "noise"])
            nameNode = try m.require("name", hint: "one of: \(Suggestion.listing(names))")
            countNode = m["count"]
            noiseNode = m["noise"]
        } else {
            (nameNode, countNode, noiseNode) = (node, nil, nil)
        }
        let name = try nameNode.string("the generator's `name`")
        guard let shape = DataGenerator.Shape(rawValue: name) else {
            let said = Narrator.unknownShape(name)
            throw nameNode.error(said.message, hint: said.hint)
        }
        let count = try countNode?.int("`count`")
        let noise = try noiseNode?.double("`noise`")
        do {
            return try DataGenerator(shape, count: count, noise: noise)
        } catch {
            let said = Narrator.say(error)
            switch error {
            case .countBelowOne, .countAboveLimit, .countOfTruthTable: throw (countNode ?? node).error(said.message, hint: said.hint)
            case .noiseNotAllowed, .noiseOfTruthTable: throw (noiseNode ?? node).error(said.message, hint: said.hint)
            }
        }
    }

    /// A generated dataset (``DataGenerator/examples(seed:)`` gives each shape's formula),
    /// drawn from the streams of the lesson's `train.seed`.
    static func generate(_ node: YAMLNode, seed: UInt64) throws -> ([[Double]], [[Double]], DataDescription) {
        let generator = try generator(node)
        let (inputs, targets) = generator.examples(seed: seed)
        let description = DataDescription(file: nil, generator: generator.shape.rawValue, inputColumns: generator.inputNames,
                                          targetNames: [generator.targetName])
        return (inputs, targets, description)
    }
}
