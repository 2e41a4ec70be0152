import DeltaCore

extension Narrator {
    /// How many nodes of a hidden layer are saturated for the example of a step
    /// (``SaturatedNode/hiddenCount(in:layer:)``), beside the sentence about the one node in
    /// view: "Saturated for this example: 11 of the 30 nodes of layer 1."
    public static func sayHiddenSaturation(count: Int, of n: Int, layer l: Int) -> Sentence {
        Sentence("Saturated for this example: \(count) of the \(n) nodes of layer \(l).", tone: .warning)
    }
}
