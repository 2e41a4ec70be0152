import DeltaCore
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// Whether a character can be part of a number as the screen writes one (digits, point,
/// signs, the e of an exponent).
private func isNumberCharacter(_ c: Character) -> Bool { c.isASCII && c.isNumber || ".−-e".contains(c) }

/// The number tokens of a line: maximal runs of number characters with a digit, an "e" at
/// either end dropped; as (start, text).
func numberTokens(_ line: String) -> [(Int, String)] {
    let characters = Array(line)
    var tokens: [(Int, String)] = []
    var k = 0
    while k < characters.count {
        guard isNumberCharacter(characters[k]) else { k += 1; continue }
        var end = k
        while end < characters.count, isNumberCharacter(characters[end]) { end += 1 }
        var lower = k, upper = end
        while lower < upper, characters[lower] == "e" { lower += 1 }
        while upper > lower, characters[upper - 1] == "e" { upper -= 1 }
        let text = String(characters[lower..<upper])
        if text.contains(where: { $0.isNumber }) { tokens.append((lower, text)) }
        k = end
    }
    return tokens
}

/// Whether `token` is `value` correctly rounded to the digits the token shows (fixed or
/// e notation, Unicode minus).
func isRounding(_ token: String, of value: Double) -> Bool {
    guard let range = roundings(of: token) else { return false }
    return range.contains(value)
}

/// The values a token is a correct rounding of: those within half a unit of its last digit
/// (nil for a token that is not a number).
func roundings(of token: String) -> ClosedRange<Double>? {
    let ascii = token.replacingOccurrences(of: "−", with: "-")
    guard let shown = Double(ascii) else { return nil }
    let parts = ascii.split(separator: "e")
    let mantissa = parts[0]
    let decimals = mantissa.split(separator: ".").count == 2 ? mantissa.split(separator: ".")[1].count : 0
    let exponent = parts.count == 2 ? Double(parts[1]) ?? 0 : 0
    let halfStep = 0.5 * pow(10, -Double(decimals) + exponent) * (1 + 1e-9)
    return shown - halfStep...shown + halfStep
}

@Suite("A number is never cut by a clip or a line break")
struct NumbersNeverCutTests {
    /// Pieces of text as the screen has them: numbers in every form, symbols, words.
    static let pieces = ["−0.0474753", "0.0346900", "4.22e−18", "12", "−0.005723", "Δw", "=", "σ′(4)", "a₁,₁", "w₂,₁,ⱼ",
                         "0.677179·0.372799", "(1", "−", "0.9820138)", "+", "Σ", "so", "far", "1/4", "2.061e−9", "300"]

    @Test("Canvas.put leaves every number it shows whole, with … where a clip would cut one, at every clip of many lines")
    func putNeverCutsANumber() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<120 {
            let count = Int.random(in: 1...8, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined(separator: [" ", " ", "·"].randomElement(using: &generator)!)
            let x = Int.random(in: 0...6, using: &generator)
            let length = text.count
            for left in 0...min(length + x, 30) {
                for right in left...min(length + x + 1, 40) {
                    var canvas = Canvas(width: 50, height: 1)
                    canvas.put(text, x: x, y: 0, clip: Rect(x: left, y: 0, width: right - left, height: 1))
                    let row = String((0..<50).map { canvas[$0, 0].character })
                    let original = Array(text)
                    // Every number shown is one of the text's numbers, whole, where the text has it.
                    for (start, token) in numberTokens(row) {
                        let at = start - x
                        let whole = numberTokens(text).contains { $0.0 == at && $0.1 == token }
                        #expect(whole, "\(text) clipped to \(left)..<\(right) at x = \(x) shows \(token): \(row)")
                        checked += 1
                    }
                    // Nothing outside the clip, and every character inside is the text's or "…".
                    for column in 0..<50 {
                        let c = canvas[column, 0].character
                        if column < left || column >= right { #expect(c == " ") }
                        else if c != " " && c != "…" { #expect(column - x >= 0 && column - x < original.count && original[column - x] == c) }
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test("A clip that falls inside −0.0474753 shows … in its place; one outside it shows it whole")
    func aCutNumberBecomesAnEllipsis() {
        for width in 5...17 {
            var canvas = Canvas(width: 30, height: 1)
            canvas.put("Δw = −0.0474753", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: width, height: 1))
            let expected = width >= 15 ? "Δw = −0.0474753" : width >= 6 ? "Δw = …" : "Δw = "
            #expect(canvas.lines[0] == expected.trimmingCharacters(in: .whitespaces), "width \(width): \(canvas.lines[0])")
        }
        // Cut on the left: the number's tail is not shown as a number.
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("x = 0.0346900 y", x: 0, y: 0, clip: Rect(x: 7, y: 0, width: 20, height: 1))
        #expect(canvas.lines[0] == "       …      y")
    }

    @Test("wrap breaks a long product between terms, never inside a number or a symbol")
    func wrapBreaksBetweenTerms() {
        let line = "    σ′(−1.22605)·(0.677179·0.372799 + 0.221503·(−0.595147) + 0.145402·0.222348)"
        for width in 16...40 {
            let lines = wrap(line, width: width, indent: "    ")
            #expect(lines.allSatisfy { $0.count <= width }, "\(lines)")
            for piece in lines {
                for (_, token) in numberTokens(piece) {
                    #expect(numberTokens(line).contains { $0.1 == token }, "width \(width) cut a number: \(token) in \(lines)")
                }
                #expect(!piece.hasSuffix("σ") && !piece.hasSuffix("a₁") && !piece.hasSuffix(","), "\(piece)")
            }
            // Nothing lost or added but the breaks.
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == line.replacingOccurrences(of: " ", with: ""))
        }
    }

    @Test("XOR's minibatch view at 80×24 shows each product a·δ rounded (−0.005723, −0.008770), never cut")
    func xorMinibatchProductsAreRounded() throws {
        var app = try TraceApp(lesson: try fixtureLesson("xor-2-3-1.yaml"))
        app.go("1 1 4 gd")
        app.tap(.tab)
        #expect(app.view == .minibatch)
        let canvas = canvas(app)
        let trace = app.leader.shown.trace
        let box = rows(of: canvas, in: Rect(x: 0, y: 2, width: 40, height: 16))
        for m in 1...4 {
            let a = trace.a(m, 1, 0), d = trace.delta(m, 2, 0)
            guard let row = box.first(where: { $0.hasPrefix("│" + String(m).leftPadded(4)) }) else {
                Issue.record("no row of example \(m): \(box)")
                continue
            }
            let tokens = numberTokens(row).map(\.1)
            #expect(tokens.count == 4, "\(row)")
            #expect(tokens.first == String(m))
            guard tokens.count == 4 else { continue }
            #expect(isRounding(tokens[1], of: a) && isRounding(tokens[2], of: d) && isRounding(tokens[3], of: a * d), "\(row) for a = \(a), δ = \(d)")
        }
        #expect(box.contains { $0.contains("−0.005723") } && box.contains { $0.contains("−0.008770") }, "\(box.joined(separator: "\n"))")
        #expect(!canvas.text.contains("−0.005│") && !canvas.text.contains("−0.008│"))
    }

    @Test("Lesson 3's minibatch view at 80×24 shows the product and the sum so far whole: 0.034690042")
    func lessonThreeMinibatchSumIsWhole() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        app.go("1 1 1 oe")
        app.tap(.tab)
        let canvas = canvas(app)
        let trace = app.panes[0].shown.trace
        let sum = trace.a(1, 0, 0) * trace.delta(1, 1, 0)
        let pane = text(of: canvas, in: Rect(x: 0, y: 2, width: 40, height: 16))
        #expect(pane.contains("= " + NumberText.format(sum, digits: 8)), "\(pane)")
        expectEveryToken(starting: "0.034", in: canvas, toRound: sum)
    }

    @Test("XOR at 160×48 shows Δw = −0.0474753 whole beside the equations (not −0.0474)")
    func weightChangeIsWholeAtWideScreens() throws {
        var app = try TraceApp(lesson: try fixtureLesson("xor-2-3-1.yaml"))
        app.go("1 1 4 gd")
        let canvas = canvas(app, width: 160, height: 48)
        let change = app.leader.shown.trace.weightChange(2, 0, 0)
        #expect(rowHasWords(canvas, ["Δw", "=", NumberText.format(change)]), "\(canvas.text)")
        #expect(NumberText.format(change) == "−0.0474753")
        expectEveryToken(starting: "−0.0474", in: canvas, toRound: change)
    }

    @Test("Iris backpropagation at 80×24: every number of the equations is one of the equations' own, whole, at every node")
    func irisEquationsWrapBetweenTerms() throws {
        var app = try TraceApp(lesson: try fixtureLesson("iris-4-8-3.yaml"))
        app.go("1 1 1 bp")
        for node in 0..<8 {
            let canvas = canvas(app)
            let shown = app.leader.shown
            let panel = EquationPanel(explanation: shown.explanation, trace: shown.trace, focus: app.focus, hidden: false)
            // Numbers as the panel writes them at its width, on lines that never wrap.
            let width = app.singleAreas(app.areas(width: 80, height: 24).main).equations.width - 2
            let unwrapped = Set(ExprTextNumbers.tokens(of: panel, width: width))
            let equations = equationPanelText(canvas)
            #expect(!equations.isEmpty)
            for (_, token) in numberTokens(equations) where token.contains(".") {
                #expect(unwrapped.contains(token), "node \(node + 1): \(token) is not a number of the equations: \(equations)")
            }
            app.tap(.down)
        }
    }
}

/// The numbers of an equation panel's forms, results and facts, each written on one line
/// (never wrapped), with the digits the panel uses at a width.
enum ExprTextNumbers {
    /// Every number token of the focused target's substituted forms, result and facts.
    static func tokens(of panel: EquationPanel, width: Int) -> [String] {
        let text = ExprText(digits: width >= 60 ? 7 : 6, maxTerms: width >= 60 ? 5 : 4)
        let target = panel.explanation.targets[min(panel.focus, panel.explanation.targets.count - 1)]
        var lines: [String] = []
        for derivation in panel.explanation.derivations(for: target) {
            lines += derivation.substituted.map { text.render($0.expr) }
            lines.append(NumberText.format(derivation.result, digits: 8))
        }
        lines += panel.explanation.facts.map { Narrator.say($0).text }
        return lines.flatMap { numberTokens($0).map(\.1) }
    }
}

/// Expects every number on a canvas that starts with `prefix` to be a correct rounding of
/// `value`: a number cut short ("−0.0474" for −0.0474753) would not be.
func expectEveryToken(starting prefix: String, in canvas: Canvas, toRound value: Double,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    for line in canvas.lines {
        for (_, token) in numberTokens(line) where token.hasPrefix(prefix) {
            #expect(isRounding(token, of: value), "\(token) in \(line)", sourceLocation: sourceLocation)
        }
    }
}
