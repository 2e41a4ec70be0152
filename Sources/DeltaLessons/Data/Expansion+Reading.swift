import DeltaCore
import DeltaText

extension Expansion {
    /// The keys of `expand`'s mapping.
    static let keys = ["shifts", "rotations", "noise", "copies"]
    /// The most copies `expand` makes of one row.
    static let mostCopies = 100
    /// How to write `expand`, for hints.
    static let forms = "expand: {shifts: true, rotations: [-10, 10]} for `image` data, expand: {noise: 0.05, copies: 3} for any inputs, or expand: none"

    /// Reads `expand`: `none`, `{shifts: true, rotations: [-10, 10], copies: K}` (image
    /// copies) or `{noise: σ, copies: K}` (noisy copies), each problem at its value.
    static func read(_ node: YAMLNode) throws -> Expansion {
        if case .scalar = node.node {
            guard (try? node.string("`expand`")) == "none" || (try? node.bool("`expand`")) == false else {
                throw node.error("`expand` must be `none` or a mapping, not \(node.described)", hint: "write \(forms)")
            }
            return .none
        }
        let m = try node.mapping("`expand`", allowed: keys)
        if let noiseNode = m["noise"] {
            if let other = ["shifts", "rotations"].first(where: { m.has($0) }) {
                throw m.keyNode(other)!.error("`\(other)` and `noise` cannot be combined in one `expand`",
                                             hint: "make image copies by shifts and rotations, or noisy copies of any inputs with `noise`")
            }
            let sigma = try noiseNode.double("the noise's standard deviation")
            guard sigma > 0 else {
                throw noiseNode.error("the noise's standard deviation must be greater than 0, not \(NumberText.written(sigma))",
                                      hint: "it is σ of the N(0, σ²) added to every input, in the inputs' units (after `scale`), e.g. noise: 0.05")
            }
            return .noise(standardDeviation: sigma, copies: try copies(m["copies"], most: mostCopies) ?? 1)
        }
        let shifts = try m["shifts"]?.bool("`shifts`") ?? false
        var rotations: [Double] = []
        if let rotationsNode = m["rotations"] {
            let angles = try rotationsNode.list("`rotations`", hint: "list angles in degrees, e.g. rotations: [-10, 10]")
            guard !angles.isEmpty else {
                throw rotationsNode.error("`rotations` lists no angle", hint: "list angles in degrees, e.g. rotations: [-10, 10], or leave it out")
            }
            for angle in angles {
                let theta = try angle.double("an angle of `rotations`")
                guard theta != 0 && abs(theta) <= 180 else {
                    throw angle.error(theta == 0 ? "a rotation by 0° makes a copy equal to the image" : "a rotation by \(NumberText.written(theta))° is more than a half turn",
                                      hint: "give angles in degrees between -180 and 180, not 0: small ones such as -10 and 10 keep a digit readable")
                }
                guard !rotations.contains(theta) else {
                    throw angle.error("`rotations` lists \(NumberText.written(theta))° twice", hint: "list each angle once")
                }
                rotations.append(theta)
            }
        }
        guard shifts || !rotations.isEmpty else {
            throw m.node.error("`expand` makes no copies: it needs `shifts: true`, `rotations` or `noise`", hint: "write \(forms)")
        }
        let transforms = (shifts ? 4 : 0) + rotations.count
        return .image(shifts: shifts, rotations: rotations, copies: try copies(m["copies"], most: transforms))
    }

    /// `copies`, K from 1 to `most`, if given.
    static func copies(_ node: YAMLNode?, most: Int) throws -> Int? {
        guard let node else { return nil }
        let k = try node.int("`copies`")
        guard k >= 1 && k <= most else {
            throw node.error("`copies` must be from 1 to \(most), not \(k)",
                             hint: most == mostCopies ? "it is the number of noisy copies of each row"
                                 : "each image can get at most one copy per transform: \(most) here (4 shifts when `shifts: true`, and one per angle of `rotations`)")
        }
        return k
    }

    /// The expansion as a lesson writes it: `none`, `{shifts: true, rotations: [-10, 10], copies: 2}`, `{noise: 0.05, copies: 3}`.
    var written: String {
        switch self {
        case .none: return "none"
        case .image(let shifts, let rotations, let copies):
            let parts = (shifts ? ["shifts: true"] : []) + (rotations.isEmpty ? [] : ["rotations: " + LessonKey.written(rotations)])
                + (copies.map { ["copies: \($0)"] } ?? [])
            return "{" + parts.joined(separator: ", ") + "}"
        case .noise(let sigma, let copies):
            return "{noise: \(NumberText.written(sigma)), copies: \(copies)}"
        }
    }
}
