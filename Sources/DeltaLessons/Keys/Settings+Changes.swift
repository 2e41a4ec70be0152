extension Settings {
    /// How these settings differ from `base`, key by key, each written as a variant would
    /// write it (`cost: cross-entropy`, `eta: 0.25`), in the order of ``LessonKey/all``;
    /// empty when nothing differs. A screen uses it to say what a variant changes.
    public func changes(from base: Settings) -> [(key: LessonKey, value: String)] {
        LessonKey.all.compactMap { key in
            guard let write = key.write, let value = write(self), value != write(base) else { return nil }
            return (key, value)
        }
    }
}
