import DeltaCore
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// What students walking the screen found (issue 9), each fixed: equations in order, a
/// focus line that says what the targets are, the whole equation panel reachable, the
/// weights backpropagation uses, panes alike side by side, nothing given away by the
/// minibatch sum, the target y in the tables.
@Suite("The screen as students walked it")
struct StudentWalkFixTests {
    /// The row of the first line of a canvas containing `text`, if any.
    static func row(_ canvas: Canvas, _ text: String) -> Int? {
        canvas.lines.firstIndex { $0.contains(text) }
    }

    /// The equation panel of a single-run screen at 160×48 alone (the minibatch sum is
    /// beside it), at its rows.
    static func equationPanel(_ app: TraceApp) -> Canvas {
        let drawn = canvas(app, width: 160, height: 48)
        let panel = app.singleAreas(app.areas(width: 160, height: 48).main).equations
        var canvas = Canvas(width: panel.width, height: 48)
        for (y, line) in rows(of: drawn, in: panel).enumerated() { canvas.put(line, x: 0, y: panel.y + y) }
        return canvas
    }

    @Test("Lesson 2's output error at 160×48 reads top to bottom: the symbolic forms, then the same with numbers, then the value")
    func outputErrorReadsTopToBottom() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.go("1 1 1 oe")
        let canvas = Self.equationPanel(app)
        let trace = app.leader.shown.trace
        let a = NumberText.format(trace.a(1, 1, 0), digits: 7)
        let order = ["δ₁,₁ = ∂C/∂a₁,₁·σ′(z₁,₁)", "= (a₁,₁ − y₁)·a₁,₁(1 − a₁,₁)", "= \(a)·σ′(4)",
                     "= (\(a) − 0)·\(a)·(1 − \(a))", "= " + NumberText.format(trace.delta(1, 1, 0), digits: 8)]
        let rows = order.map { Self.row(canvas, $0) }
        #expect(rows.allSatisfy { $0 != nil }, "\(rows) \(canvas.text)")
        let found = rows.compactMap { $0 }
        #expect(found == found.sorted() && Set(found).count == found.count, "\(order) at rows \(rows): \(canvas.text)")
        #expect(a == "0.9820138")
    }

    @Test("Under cross-entropy, δ = a₁,₁ − y₁ is written with the other forms, before any number (lesson 3 and XOR δ₂,₁)")
    func everySymbolicFormComesBeforeTheNumbers() throws {
        var cross = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"), variants: ["cross-entropy"])
        cross.go("1 1 1 oe")
        var xor = try TraceApp(lesson: try fixtureLesson("xor-2-3-1.yaml"))
        xor.go("1 1 1 oe")
        for app in [cross, xor] {
            let canvas = Self.equationPanel(app)
            let shown = app.leader.shown
            let target = shown.explanation.targets[0]
            let text = ExprText(digits: 7, maxTerms: 5)
            for derivation in shown.explanation.derivations(for: target) {
                let symbolic = derivation.equation.forms.map { text.render($0) }
                let numbers = derivation.substituted.map { text.render($0.expr) }.filter { !symbolic.contains($0) }
                let lastSymbolic = symbolic.compactMap { form in Self.row(canvas, "= " + form) ?? Self.row(canvas, " = " + form) }.max()
                let firstNumbers = numbers.compactMap { Self.row(canvas, "= " + $0) }.min()
                #expect(lastSymbolic != nil && firstNumbers != nil, "\(symbolic) \(numbers): \(canvas.text)")
                if let lastSymbolic, let firstNumbers { #expect(lastSymbolic < firstNumbers, "\(canvas.text)") }
                let result = Self.row(canvas, "= " + NumberText.format(derivation.result, digits: 8))
                #expect(result != nil && result! > (firstNumbers ?? .max - 1), "\(canvas.text)")
            }
        }
        #expect(rowHasWords(canvas(cross, width: 160, height: 48), ["=", "a₁,₁", "−", "y₁"]))
    }

    @Test("The focus line names what ↑/↓ choose between: the output node and the cost C, not two nodes")
    func focusLineNamesTheTargets() throws {
        var two = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        two.go("1 1 1 oe")
        let output = equationPanelText(canvas(two))
        #expect(output.contains("node 1 of layer 1 (1 of 2: node 1 of layer 1, the cost C; ↑/↓)"), "\(output)")
        #expect(!output.contains("1 of 2, ↑/↓ to choose"))
        two.tap(.down)
        #expect(equationPanelText(canvas(two, width: 160, height: 48)).contains("the example's cost C (2 of 2: node 1 of layer 1, the cost C; ↑/↓)"))
        var xor = try TraceApp(lesson: try fixtureLesson("xor-2-3-1.yaml"))
        xor.go("1 1 1 bp")
        #expect(equationPanelText(canvas(xor, width: 160, height: 48)).contains("node 1 of layer 1 (1 of 3; ↑/↓ to choose)"))
        xor.go("1 1 4 gd")
        #expect(equationPanelText(canvas(xor, width: 160, height: 48)).contains("weight w₂,₁,₁ (1 of 4: 3 weights w₂,ᵢ,ⱼ, 1 bias b₂,ⱼ; ↑/↓)"))
    }

    @Test("At 80×24 every line and sentence of lesson 3's first output-error panels is reachable with ] and [, and the panel says when there is more")
    func wholePanelIsReachable() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        app.tap(.right)
        // Both questions answered: their feedback takes rows from the panels above.
        app.type("0.0347")
        app.tap(.enter)
        app.type("0.0177")
        app.tap(.enter)
        #expect(app.prompt == nil)
        _ = app.handle(.resize(width: 80, height: 24))
        let main = app.areas(width: 80, height: 24).main
        let panes = app.comparePanes(main)
        #expect(panes.count == 2)
        #expect(app.maxEquationScroll > 0, "the panels fit: this test needs one that does not")
        #expect(canvas(app).text.contains("↓ more, ]"))
        var windows: [[String]] = Array(repeating: [], count: panes.count)
        var previous = -1
        while app.equationScroll != previous {
            previous = app.equationScroll
            let canvas = canvas(app)
            for (k, (_, rect)) in panes.enumerated() { windows[k].append(text(of: canvas, in: rect.inset(1))) }
            app.tap(.character("]"))
        }
        #expect(app.equationScroll == app.maxEquationScroll)
        #expect(!canvas(app).text.contains("↓ more, ]") || panes.contains { $0.0.maxScroll(in: $0.1) < app.equationScroll } == false)
        for (k, (pane, _)) in panes.enumerated() {
            let shown = pane.shown
            let target = shown.explanation.targets[0]
            let sentences = shown.explanation.facts.map { Narrator.say($0).text }
            #expect(!sentences.isEmpty)
            // Every line the panel has at its width and detail, and every fact sentence whole.
            var panel = pane.panel
            panel.detail = pane.layout?.detail
            let rect = pane.panelRect(in: panes[k].1, showsNetwork: pane.layout?.showsNetwork ?? false)
            let lines = panel.lines(width: rect.width, detail: panel.detail ?? panel.fitting(rect)).map(\.0).filter { !$0.isEmpty }
            #expect(lines.count > rect.height, "pane \(k + 1) fits: nothing to scroll")
            #expect(lines.contains { $0.contains(NumberText.format(shown.explanation.derivations(for: target)[0].result, digits: 8)) })
            for piece in sentences + lines {
                let words = piece.split(separator: " ").joined(separator: " ")
                #expect(windows[k].contains { $0.contains(words) }, "pane \(k + 1) never shows whole: \(piece)\n\(windows[k].joined(separator: "\n"))")
            }
        }
        // [ goes back up, to the top.
        for _ in 0..<app.maxEquationScroll { app.tap(.character("[")) }
        #expect(app.equationScroll == 0)
        // Any other key brings the equations back to their top.
        app.tap(.character("]"))
        app.tap(.character("c"))
        #expect(app.equationScroll == 0)
    }

    @Test("Backpropagation shows the weights out of the focused node, the ones its δ uses (XOR, iris)")
    func backpropagationShowsTheWeightsItUses() throws {
        for (name, size) in [("xor-2-3-1.yaml", (80, 24)), ("iris-4-8-3.yaml", (160, 48))] {
            var app = try TraceApp(lesson: try fixtureLesson(name))
            app.go("1 1 1 bp")
            app.tap(.down)
            let trace = app.leader.shown.trace, L = trace.network.L
            let canvas = canvas(app, width: size.0, height: size.1)
            let box = text(of: canvas, in: networkBox(canvas))
            let n = trace.network.n(L)
            let lead = "w" + ExprText.subscripted("\(L),2,j") + " out of ●" + ExprText.subscripted("\(L - 1),2") + ", j = " + (n == 1 ? "1:" : "1…\(n):")
            let shown = (5...9).contains { w in
                box.contains(lead + " " + (0..<n).map { NetworkView.number(trace.weightBefore(L, 1, $0), width: w) }.joined(separator: " "))
            }
            #expect(shown, "\(name): \(box)")
            #expect(!box.contains("into ●" + ExprText.subscripted("\(L - 1),2")), "\(box)")
            // The equation uses the same weights.
            #expect(equationPanelText(canvas).contains("w" + ExprText.subscripted("\(L),2,j")))
        }
    }

    @Test("Side by side, the panes share one layout at every step of lesson 3's epochs 1, 11 and 118 at 80×24 and 100×30")
    func comparePanesLookAlike() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        for size in [(80, 24), (100, 30)] {
            for epoch in [1, 11, 118] {
                for step in ["ff", "oe", "bp", "gd"] where step != "bp" {
                    app.go("\(epoch) 1 1 \(step)")
                    _ = app.handle(.resize(width: size.0, height: size.1))
                    let panes = app.comparePanes(app.areas(width: size.0, height: size.1).main)
                    let layouts = Set(panes.map { $0.0.layout?.showsNetwork })
                    #expect(layouts.count == 1, "epoch \(epoch) \(step)")
                    let canvas = canvas(app, width: size.0, height: size.1)
                    let tables = panes.map { rows(of: canvas, in: $0.1).contains { $0.contains("●₁,₁") || $0.contains("●1") } }
                    #expect(Set(tables).count == 1, "epoch \(epoch) \(step): \(canvas.text)")
                }
            }
        }
        // At epoch 11, where the student saw one pane with the table and one without.
        app.go("11 1 1 oe")
        let canvas = canvas(app)
        let panes = app.comparePanes(app.areas(width: 80, height: 24).main)
        let drawn = panes.map { rows(of: canvas, in: $0.1).contains { $0.contains("●") } }
        #expect(drawn[0] == drawn[1], "\(canvas.text)")
    }

    @Test("Lesson 1 at 160×48: while the gradient-descent question waits, the minibatch sum shows ? for ∂C/∂w, not −0.084128986")
    func minibatchHidesTheGradientWhileAsked() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        var presses = 0
        while app.leader.shown.position.step.phase != .gradientDescent && presses < 20 {
            while case .answer? = app.prompt { app.tap(.escape) }
            app.tap(.right)
            presses += 1
        }
        guard case .answer? = app.prompt else {
            Issue.record("no question waits at gradient descent")
            return
        }
        let trace = app.leader.shown.trace
        let gradient = trace.weightGradient(1, 0, 0)
        let screen = canvas(app, width: 160, height: 48).text
        #expect(NumberText.format(gradient, digits: 8) == "−0.084128986")
        for text in [NumberText.format(gradient, digits: 8), NumberText.format(gradient), NumberText.fitting(gradient, width: 11, decimals: 6),
                     NumberText.format(trace.weightAfter(1, 0, 0), digits: 8)] {
            #expect(!screen.contains(text), "\(text) shown while asked: \(screen)")
        }
        #expect(screen.contains("Σ/M = ? (the step computes it)"), "\(screen)")
        // Answered (skipped), the sum is shown again.
        app.tap(.escape)
        #expect(canvas(app, width: 160, height: 48).text.contains("= " + NumberText.format(gradient, digits: 8)))
    }

    @Test("The tables view shows the target y of every output node (one-hot for iris), and ? only for what the step computes")
    func tablesShowTheTargets() throws {
        var app = try TraceApp(lesson: try fixtureLesson("iris-4-8-3.yaml"))
        app.go("1 1 1 oe")
        app.tap(.tab, .tab)
        #expect(app.view == .tables)
        let trace = app.leader.shown.trace
        let drawn = canvas(app)
        let column = TablesView.columnWidth(inner: 38, columns: 4, dropped: false)
        #expect(rowHasWords(drawn, ["j", "z", "a", "δ", "y"]), "\(drawn.text)")
        #expect((0..<3).map { trace.y(1, $0) }.sorted() == [0, 0, 1])
        for j in 0..<3 {
            let cells = [trace.z(1, 2, j), trace.a(1, 2, j), trace.delta(1, 2, j), trace.y(1, j)].map { NumberText.fitting($0, width: column - 1, decimals: 5) }
            #expect(rowHasWords(drawn, [String(j + 1)] + cells), "node \(j + 1): \(drawn.text)")
        }
        // With a question waiting at the output error, δ is "?", y stays.
        var asked = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        while asked.leader.shown.position.step.phase != .outputError {
            while case .answer? = asked.prompt { asked.tap(.escape) }
            asked.tap(.right)
        }
        guard case .answer? = asked.prompt else {
            Issue.record("lesson 1 asks no question at its output error")
            return
        }
        asked.view = .tables
        let one = asked.leader.shown.trace
        let tables = canvas(asked)
        let w = TablesView.columnWidth(inner: 38, columns: 4, dropped: false) - 1
        #expect(rowHasWords(tables, ["1", NumberText.fitting(one.z(1, 1, 0), width: w, decimals: 5), NumberText.fitting(one.a(1, 1, 0), width: w, decimals: 5),
                                     "?", NumberText.fitting(one.y(1, 0), width: w, decimals: 5)]), "\(tables.text)")
    }
}
