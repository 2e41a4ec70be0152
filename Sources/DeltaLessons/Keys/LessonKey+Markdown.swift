extension LessonKey {
    /// The header of README's key tables.
    static let markdownHeader = ["| key | meaning | default |", "|---|---|---|"]

    /// README's table of a section's keys, one line each: the header, then one row per
    /// declared key in declaration order. lessons/README.md holds exactly these lines under
    /// the section's heading (a test compares them).
    public static func markdownTable(for section: Section) -> [String] {
        markdownHeader + keys(in: section).map(\.markdownRow)
    }

    /// The key's row of README's table: "| `eta` | η, the learning rate, greater than 0 | required |".
    public var markdownRow: String {
        "| `\(name)` | \(meaning) | \(self.default.text) |"
    }
}
