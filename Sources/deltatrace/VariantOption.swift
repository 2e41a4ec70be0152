import ArgumentParser

/// `--variant NAME`, declared once for every command that works on one run of a lesson.
struct VariantOption: ParsableArguments {
    @Option(help: "One of the lesson's variants instead of the lesson itself (see its `variants:`).",
            completion: .custom(Completions.variants))
    var variant: String?
}
