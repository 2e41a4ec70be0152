import DeltaCore

extension LessonData {
    /// Whether the rows' targets are one-hot over two classes: two columns, each row (1, 0)
    /// or (0, 1), as `class:` makes them for a column of two labels.
    var hasTwoClassTargets: Bool {
        examples.targetWidth == 2 && (0..<examples.count).allSatisfy { m in
            let y = examples.y(m)
            return (y.first == 1 && y.last == 0) || (y.first == 0 && y.last == 1)
        }
    }

    /// Whether a run of these settings reads two-class one-hot targets as one target: its
    /// network has a single output node, such as one sigmoid, whose y is 1 for the second
    /// class and 0 for the first. The same rows then train a single sigmoid and a two-node
    /// softmax (lessons/08-sigmoid-vs-softmax.yaml).
    func readsSecondClass(_ settings: Settings) -> Bool {
        settings.layers.last == 1 && hasTwoClassTargets
    }

    /// A dataset's examples with the target y = y₂, the second class's column of its
    /// two-class one-hot targets.
    static func secondClass(_ d: Dataset) -> Dataset {
        let y = (0..<d.count).map { d.y($0).last! }
        // The inputs of a valid dataset and one finite target per row make a valid dataset.
        return try! Dataset(flatInputs: d.inputs, inputWidth: d.inputWidth, flatTargets: y, targetWidth: 1)
    }
}
