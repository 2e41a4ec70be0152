import DeltaCore
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// Every number on the main area of the screen, walked as students walk it, is a true
/// number: the correct rounding of a value of the trace, or one of the equations' and facts'
/// own numbers whole, never a number cut by a clip or a line break.
@Suite("Every number on the screen is a true one")
struct ScreenNumbersSweepTests {
    /// The values a screen of this step may show rounded: every z, a, δ, x, y, weight, bias,
    /// gradient and change of the update, each example's cost and ∂C/∂a, f′(z), the products
    /// a·δ of the minibatch sum and their partial sums, the minibatch cost.
    static func values(_ trace: UpdateTrace) -> [Double] {
        let network = trace.network
        var values = trace.costs + [trace.cost]
        for m in 1...trace.M {
            for l in 0...network.L {
                for j in 0..<network.n(l) { values += [trace.z(m, l, j), trace.a(m, l, j), trace.delta(m, l, j)] }
            }
            for j in 0..<network.n(network.L) { values += [trace.y(m, j), trace.costGradient(m, j), trace.outputDerivative(m, j)] }
        }
        for l in 1...network.L {
            for j in 0..<network.n(l) {
                values += [trace.biasBefore(l, j), trace.biasAfter(l, j), trace.biasGradient(l, j), trace.biasChange(l, j)]
                for i in 0..<network.n(l - 1) {
                    values += [trace.weightBefore(l, i, j), trace.weightAfter(l, i, j), trace.weightGradient(l, i, j), trace.weightChange(l, i, j)]
                    var sum = 0.0
                    for m in 1...trace.M {
                        let product = trace.a(m, l - 1, i) * trace.delta(m, l, j)
                        sum += product
                        values += [product, sum]
                    }
                }
            }
        }
        return values
    }

    /// The numbers the equations and facts of a step write (at both of the panel's
    /// precisions), as whole tokens.
    static func writtenTokens(_ shown: ShownStep) -> Set<String> {
        var lines: [String] = []
        for text in [ExprText(digits: 6, maxTerms: 4), ExprText(digits: 7, maxTerms: 5)] {
            for target in shown.explanation.targets {
                for derivation in shown.explanation.derivations(for: target) {
                    lines += derivation.equation.forms.map { text.render($0) }
                    lines += derivation.substituted.map { text.render($0.expr) }
                    lines.append(NumberText.format(derivation.result, digits: 8))
                }
            }
        }
        lines += shown.explanation.facts.map { Narrator.say($0).text }
        for m in 1...shown.trace.M {
            for j in 0..<shown.trace.network.n(shown.trace.network.L) {
                lines += [NumberText.format(shown.trace.costGradient(m, j)), NumberText.format(shown.trace.outputDerivative(m, j))]
            }
        }
        return Set(lines.flatMap { numberTokens($0).map(\.1) })
    }

    /// The true numbers of the steps an app's panes show: every value of their traces, sorted
    /// so that a token's roundings are found by bisection (a wide layer's update holds tens of
    /// thousands), and the numbers their equations and facts write. The same for every view,
    /// focus and size of those steps.
    struct Truths {
        let values: [Double]
        let written: Set<String>

        init(_ app: TraceApp) {
            let shownSteps = app.panes.map(\.shown)
            values = shownSteps.flatMap { ScreenNumbersSweepTests.values($0.trace) }.filter { !$0.isNaN }.sorted()
            written = shownSteps.reduce(into: Set<String>()) { $0.formUnion(ScreenNumbersSweepTests.writtenTokens($1)) }
        }

        /// Whether a token is a written number or a correct rounding of a value.
        func admit(_ token: String) -> Bool {
            if written.contains(token) { return true }
            guard let range = roundings(of: token) else { return false }
            var low = 0, high = values.count
            while low < high {
                let mid = (low + high) / 2
                if values[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
            }
            return low < values.count && range.contains(values[low])
        }
    }

    /// The tokens of the main area (under the position row, above the lesson's box) that are
    /// neither a rounding of a value nor a written number.
    static func falseNumbers(_ app: TraceApp, width: Int, height: Int, truths: Truths? = nil) -> [String] {
        var app = app
        _ = app.handle(.resize(width: width, height: height))
        let drawn = canvas(app, width: width, height: height)
        let main = app.areas(width: width, height: height).main
        let truths = truths ?? Truths(app)
        var wrong: [String] = []
        for line in rows(of: drawn, in: main) {
            for (_, token) in numberTokens(line) where token.contains(".") || token.contains("e") {
                if truths.admit(token) { continue }
                wrong.append("\(token) in \(line)")
            }
        }
        return wrong
    }

    @Test("The bundled lessons and the fixtures, every step of the first update, focus first and second, three views, 80×24, 100×30, 160×48",
          arguments: ["01-one-neuron.yaml", "02-saturated-neuron.yaml", "03-mse-vs-cross-entropy.yaml", "04-backprop-2-2-2.yaml", "05-minibatches.yaml",
                      "06-initialising-weights.yaml", "07-softmax-log-likelihood.yaml", "08-sigmoid-vs-softmax.yaml", "09-holdout.yaml", "10-cross-validation.yaml", "14-expanding-data.yaml",
                      "11-overfitting-and-l2.yaml", "12-l1-vs-l2.yaml", "13-dropout.yaml", "15-learning-rate.yaml",
                      "xor-2-3-1.yaml", "iris-4-8-3.yaml", "iris-small.yaml"])
    func everyNumberIsTrue(_ name: String) throws {
        let loaded = name.first?.isNumber == true ? try lesson(name) : try fixtureLesson(name)
        var app = try TraceApp(lesson: loaded)
        app.chartChoice = false
        var checked = 0
        for _ in 0..<14 {
            while case .answer? = app.prompt { app.tap(.escape) }
            let truths = Truths(app)
            for view in TraceApp.View.allCases {
                app.view = view
                for focus in [0, 1] {
                    app.focus = focus
                    for (w, h) in [(80, 24), (100, 30), (160, 48)] {
                        let wrong = Self.falseNumbers(app, width: w, height: h, truths: truths)
                        #expect(wrong.isEmpty, "\(name) at \(StepText.position(app.leader.shown.position)), \(view) view, \(w)×\(h): \(wrong)")
                        checked += 1
                    }
                }
            }
            app.focus = 0
            app.tap(.right)
        }
        #expect(checked == 14 * 3 * 2 * 3)
    }
}
