/// A lesson's name for display.
enum LessonName {
    /// "02-saturated-neuron" from "lessons/02-saturated-neuron.yaml".
    static func of(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }
}
