import ArgumentParser

/// Options every full-screen command shares.
struct ScreenOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false
}
