import DeltaCore

extension Lesson {
    /// The shape of the images the inputs are (`data.image`), if the lesson says they are:
    /// the screen draws each example as a picture of this shape.
    public var image: ImageShape? { data.image }
}
