import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// The network view draws every toy network whole — every node's z, a and δ, the target y,
/// the focused node's weights — and a wide one as the focused node's neighbourhood; a waiting
/// question hides only what its step computes.
@Suite struct NetworkViewTests {
    /// The screen of a lesson: bundled lessons by number (lesson 3 alone, not side by side),
    /// fixtures by file name.
    func app(_ name: String) throws -> TraceApp {
        switch name {
        case "1": return try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        case "2": return try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        case "3": return try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"), variants: [nil])
        default: return try TraceApp(lesson: try fixtureLesson(name))
        }
    }

    /// The terminal sizes every screen test draws at.
    static let sizes = [(80, 24), (160, 48)]

    @Test(arguments: ["1", "2", "3", "xor-2-3-1.yaml", "iris-4-8-3.yaml"], sizes)
    func everyNodeOfASmallNetworkIsShownWithItsTarget(name: String, size: (width: Int, height: Int)) throws {
        var app = try app(name)
        let L = app.leader.shown.trace.network.L
        // At gradient descent every z, a and δ of the minibatch's last example is computed.
        app.go("1 1 1 gd l\(L)")
        #expect(app.leader.shown.position.step == .gradientDescent(layer: L))
        let trace = app.leader.shown.trace, m = trace.M
        let shown = canvas(app, width: size.width, height: size.height)
        for l in 1...L {
            for j in 0..<trace.network.n(l) {
                #expect(showsNode(shown, trace, m: m, l: l, j: j), "\(name) \(size): node \(l),\(j + 1)\n\(shown.text)")
            }
        }
        for i in 0..<trace.network.n(0) {
            #expect(showsInput(shown, trace, m: m, i: i), "\(name) \(size): x\(i + 1)")
        }
        #expect(shown.text.contains("\(trace.network.sizes.map(String.init).joined(separator: "-")) · values of example \(m)"), "\(shown.text)")
        // The weights into the focused node (w_{L,1,1}'s node ●_{L,1}) after the update.
        // The weights into the focused node (w_{L,1,1}'s node ●_{L,1}): its bias before and
        // after the update.
        let box = text(of: shown, in: networkBox(shown)), b = "b" + ExprText.subscripted("\(L),1") + " "
        #expect(box.contains("w" + ExprText.subscripted("\(L),i,1")) && box.contains("before:") && box.contains("after:"), "\(box)")
        #expect((5...9).contains { box.contains(b + NetworkView.number(trace.biasBefore(L, 0), width: $0)) }, "\(box)")
        #expect((5...9).contains { box.contains(b + NetworkView.number(trace.biasAfter(L, 0), width: $0)) }, "\(box)")
        #expect(!shown.text.contains("too wide") && !shown.text.contains("only layer"))
    }

    /// The number of "?" in the network's box.
    func questionMarks(_ canvas: Canvas) -> Int {
        rows(of: canvas, in: networkBox(canvas)).joined().filter { $0 == "?" }.count
    }

    @Test(arguments: sizes)
    func aWaitingFeedforwardQuestionHidesOnlyZAndAOfItsLayer(size: (width: Int, height: Int)) throws {
        // XOR asks for a of hidden node 2 at its first step, feedforward l=1 of example 1.
        let app = try app("xor-2-3-1.yaml")
        #expect(app.prompt == .answer(question: 0, text: ""))
        let trace = app.leader.shown.trace
        let shown = canvas(app, width: size.width, height: size.height)
        for j in 0..<3 {
            #expect(showsNode(shown, trace, m: 1, l: 1, j: j, z: .mark("?"), a: .mark("?"), delta: .mark("·")), "\(shown.text)")
        }
        #expect(showsNode(shown, trace, m: 1, l: 2, j: 0, z: .mark("·"), a: .mark("·"), delta: .mark("·")))
        #expect(showsInput(shown, trace, m: 1, i: 0) && showsInput(shown, trace, m: 1, i: 1))
        // Nothing else is hidden: the weights into ●₁,₂, the node the question focuses, are
        // shown, before the update.
        #expect(questionMarks(shown) == 6)
        let lead = "w₁,ᵢ,₂ into ●₁,₂, i = 1…2: "
        let box = text(of: shown, in: networkBox(shown))
        #expect((5...9).contains { box.contains(lead + NetworkView.number(trace.weightBefore(1, 0, 1), width: $0) + " "
                                                + NetworkView.number(trace.weightBefore(1, 1, 1), width: $0)) }, "\(box)")
    }

    @Test(arguments: sizes)
    func aWaitingOutputErrorQuestionHidesOnlyTheOutputsδ(size: (width: Int, height: Int)) throws {
        // Iris asks for δ of output node 2 at the output error of example 1.
        var app = try app("iris-4-8-3.yaml")
        app.tap(.right, .right)
        #expect(app.leader.shown.position.step == .outputError(example: 1))
        #expect(app.prompt == .answer(question: 0, text: ""))
        let trace = app.leader.shown.trace
        let shown = canvas(app, width: size.width, height: size.height)
        for j in 0..<8 { #expect(showsNode(shown, trace, m: 1, l: 1, j: j, delta: .mark("·")), "\(shown.text)") }
        for j in 0..<3 { #expect(showsNode(shown, trace, m: 1, l: 2, j: j, delta: .mark("?")), "\(shown.text)") }
        #expect(questionMarks(shown) == 3)
    }

    @Test func lessonsOneAndTwoHideTheirAnswersAndNothingElse() throws {
        // Lesson 1 asks for z and a at feedforward; lesson 2 for δ at the output error.
        let one = try app("1")
        let first = canvas(one)
        #expect(showsNode(first, one.leader.shown.trace, m: 1, l: 1, j: 0, z: .mark("?"), a: .mark("?"), delta: .mark("·")))
        #expect(questionMarks(first) == 2)
        var two = try app("2")
        two.tap(.escape, .right)
        let second = canvas(two), trace = two.leader.shown.trace
        #expect(showsNode(second, trace, m: 1, l: 1, j: 0, delta: .mark("?")), "\(second.text)")
        #expect(questionMarks(second) == 1)
        // z = 4 and a = 0.982014 are there to answer with; y = 0 beside the output.
        #expect(trace.z(1, 1, 0) == 4 && trace.y(1, 0) == 0)
    }

    @Test func theTablesHideOnlyWhatTheStepComputes() throws {
        var two = try app("2")
        two.view = .tables
        let feedforward = screen(two)
        #expect(rowHasWords(canvas(two), ["1", "?", "?", "·"]), "\(feedforward)")
        two.tap(.escape, .right)
        let trace = two.leader.shown.trace
        let z = NumberText.fitting(trace.z(1, 1, 0), width: 10, decimals: 5), a = NumberText.fitting(trace.a(1, 1, 0), width: 10, decimals: 5)
        #expect(z == "4.00000" && a == "0.98201")
        #expect(rowHasWords(canvas(two), ["1", z, a, "?"]), "\(screen(two))")
    }

    @Test(arguments: sizes)
    func aWideLayerShowsTheFocusedNodesNeighbourhoodAndScrolls(size: (width: Int, height: Int)) throws {
        var app = try app("digits-64-30-10.yaml")
        let trace = app.leader.shown.trace
        let before = canvas(app, width: size.width, height: size.height)
        #expect(!before.text.contains("too wide") && !before.text.contains("only layer"))
        #expect(before.text.contains("layer 1: nodes 1-"), "\(before.text)")
        #expect(showsNode(before, trace, m: 1, l: 1, j: 0, delta: .mark("·")))
        for _ in 0..<15 { app.tap(.down) }
        #expect(app.leader.shown.target(focus: app.focus) == .node(layer: 1, j: 15))
        let after = canvas(app, width: size.width, height: size.height)
        #expect(!after.text.contains("layer 1: nodes 1-"))
        let header = try #require(after.lines.first { $0.contains("layer 1: nodes ") })
        let range = try #require(header.split(separator: "layer 1: nodes ").last?.split(separator: " ").first)
        let bounds = range.split(separator: "-").compactMap { Int($0) }
        #expect(bounds.count == 2 && bounds[0] <= 16 && 16 <= bounds[1] && bounds[1] - bounds[0] + 1 >= NetworkLayout.minimumWindow, "\(header)")
        #expect(header.contains("of 30"))
        #expect(showsNode(after, trace, m: 1, l: 1, j: 15, delta: .mark("·")), "\(after.text)")
        // The focused node's label is highlighted.
        let label = "●₁,₁₆"
        let y = try #require(after.lines.firstIndex { $0.contains(label) })
        let x = try #require(Array(after.lines[y]).firstIndex(of: "●").map { _ in
            (0..<after.width).first { k in k + 4 < after.width && (0..<5).allSatisfy { after[k + $0, y].character == Array(label)[$0] } }
        } ?? nil)
        #expect(after[x, y].style == Theme.focused)
    }

    @Test func anEightByEightInputIsAPictureThatReadsInASCII() throws {
        let app = try app("digits-64-30-10.yaml")
        let trace = app.leader.shown.trace
        let shown = canvas(app, width: 160, height: 48)
        let y0 = try #require(shown.lines.firstIndex { $0.contains("x 8×8") })
        let x0 = try #require(Array(shown.lines[y0]).indices.first { k in String(Array(shown.lines[y0])[k...].prefix(5)) == "x 8×8" })
        let pixels = (0..<64).map { trace.x(1, $0) }
        for r in 0..<8 {
            for c in 0..<8 {
                let expected = DigitImage.shade(pixels[r * 8 + c], low: pixels.min()!, high: pixels.max()!)
                #expect(shown[x0 + c, y0 + 1 + r].character == expected, "pixel \(r),\(c)")
            }
        }
        // Some pixels are dark and some blank, and in ASCII every shade is a plain character.
        #expect(pixels.contains { $0 == 0 } && pixels.contains { $0 == pixels.max()! })
        let ascii = shown.asciiOnly()
        for r in 0..<8 {
            for c in 0..<8 { #expect(" .:#".contains(ascii[x0 + c, y0 + 1 + r].character)) }
        }
    }

    /// Draws the network view of a screen's step directly into a rectangle of a size.
    func drawn(_ app: TraceApp, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let shown = app.leader.shown
        NetworkView(trace: shown.trace, step: shown.position.step, hidden: false, focus: shown.target(focus: app.focus))
            .draw(into: &canvas, rect: canvas.bounds)
        return canvas
    }

    /// Every node and input of the shown step's last example is in a canvas.
    func expectEveryNode(_ canvas: Canvas, _ trace: UpdateTrace, _ what: String) {
        for l in 1...trace.network.L {
            for j in 0..<trace.network.n(l) { #expect(showsNode(canvas, trace, m: trace.M, l: l, j: j), "\(what) \(l),\(j + 1)\n\(canvas.text)") }
        }
        for i in 0..<trace.network.n(0) { #expect(showsInput(canvas, trace, m: trace.M, i: i), "\(what) x\(i + 1)\n\(canvas.text)") }
    }

    @Test func fourEightThreeAndThreeFourFourTwoFitEightyByThirteen() throws {
        var iris = try app("iris-4-8-3.yaml")
        iris.go("1 1 1 gd l2")
        expectEveryNode(drawn(iris, width: 80, height: 13), iris.leader.shown.trace, "4-8-3")
        var deep = try TraceApp(lesson: try inlineLesson("""
            title: Three hidden layers
            summary: A 3-4-4-2 network.
            network: {layers: [3, 4, 4, 2], hidden: tanh, output: sigmoid, cost: cross-entropy}
            data: {inputs: [[0.1, 0.5, -0.3], [0.9, -0.2, 0.4]], targets: [[1, 0], [0, 1]]}
            train: {eta: 0.5, batch: 2, epochs: 2}
            """))
        deep.go("1 1 1 gd l3")
        let trace = deep.leader.shown.trace
        expectEveryNode(drawn(deep, width: 80, height: 13), trace, "3-4-4-2")
        // The layout shows every node, so no layer is a window.
        let layout = try #require(NetworkView(trace: trace, step: deep.leader.shown.position.step, hidden: false, focus: nil)
            .layout(in: Rect(x: 1, y: 1, width: 78, height: 11)))
        #expect(layout.isComplete && layout.blocks.allSatisfy { !$0.isWindow })
        // And on the whole 80×24 screen, and in a main area of 80×13 (a long lesson text
        // below), beside equations of at least 34 columns.
        expectEveryNode(canvas(deep), trace, "3-4-4-2 screen")
        for (app, name) in [(iris, "4-8-3"), (deep, "3-4-4-2")] {
            var main = Canvas(width: 80, height: 13)
            app.renderSingle(into: &main, rect: main.bounds)
            expectEveryNode(main, app.leader.shown.trace, name + " in 80×13")
            let right = try #require((0..<80).first { main[$0, 0].character == "┐" })
            #expect(80 - (right + 1) >= TraceApp.minimumEquationWidth, "\(name)")
            #expect(main.text.contains(StepText.title(app.leader.shown.position.step, outputLayer: app.leader.shown.trace.network.L)))
        }
    }

    @Test func theEquationsKeepTheirColumnsBesideTheNetwork() throws {
        for name in ["1", "xor-2-3-1.yaml", "iris-4-8-3.yaml", "digits-64-30-10.yaml"] {
            let shown = canvas(try app(name))
            let box = networkBox(shown)
            #expect(shown.width - box.width >= TraceApp.minimumEquationWidth, "\(name)")
        }
    }

    @Test func aTinyTerminalStillDrawsTheStepsLayer() throws {
        for name in ["1", "xor-2-3-1.yaml", "iris-4-8-3.yaml", "digits-64-30-10.yaml"] {
            var app = try app(name)
            app.go("1 1 1 oe")
            let shown = canvas(app, width: 64, height: 18)
            let trace = app.leader.shown.trace
            #expect(showsNode(shown, trace, m: 1, l: trace.network.L, j: 0), "\(name)\n\(shown.text)")
        }
    }

    @Test func aWideNetworkIsDrawnAtEverySize() throws {
        // 20 inputs (not a square), 25 hidden nodes, 12 outputs: wider than any screen shows whole.
        func row(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
        let inputs: [String] = (0..<2).map { (m: Int) -> String in row((0..<20).map { (i: Int) -> String in String(Double((i * 7 + m * 3) % 10) / 10) }) }
        let targets: [String] = (0..<2).map { (m: Int) -> String in row((0..<12).map { (j: Int) -> String in j == m ? "1" : "0" }) }
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Wide
            summary: A 20-25-12 network.
            network: {layers: [20, 25, 12], hidden: sigmoid, output: sigmoid, cost: cross-entropy}
            data: {inputs: [\(inputs.joined(separator: ", "))], targets: [\(targets.joined(separator: ", "))]}
            train: {eta: 0.5, batch: 2, epochs: 1}
            """))
        app.go("1 1 1 bp")
        let trace = app.leader.shown.trace
        for _ in 0..<20 { app.tap(.down) }
        #expect(app.leader.shown.target(focus: app.focus) == .node(layer: 1, j: 20))
        for (width, height) in [(64, 18), (80, 24), (100, 30), (160, 48)] {
            let shown = canvas(app, width: width, height: height)
            #expect(!shown.text.contains("too wide") && !shown.text.contains("too small"), "\(width)×\(height)")
            // The focused node, whose δ this step computes, is in its layer's window.
            #expect(showsNode(shown, trace, m: 1, l: 1, j: 20), "\(width)×\(height)\n\(shown.text)")
            #expect(shown.text.contains("of 25"), "\(width)×\(height)")
        }
    }
}
