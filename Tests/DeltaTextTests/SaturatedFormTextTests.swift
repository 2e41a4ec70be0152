import DeltaCore
import Testing
@testable import DeltaText

/// What a screen shows of the forms of saturated nodes: no NaN or ∞ beside a finite
/// result, and no subtraction that reads (1 − 1) when its numbers differ.
@Suite struct SaturatedFormTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Activation, output: Activation, cost: Cost
        var testDescription: String { "\(hidden)/\(output)/\(cost)" }
    }

    static let cases: [Case] = Activation.allCases.flatMap { output in
        Cost.allCases.filter { $0.isDefined(for: output) }.flatMap { cost in
            [Activation.sigmoid, .tanh, .relu, .linear].map { Case(hidden: $0, output: output, cost: cost) }
        }
    }

    @Test(arguments: cases)
    func renderedFormsAreTrueAtSaturation(_ c: Case) throws {
        let text = ExprText(digits: 7)
        var rendered = 0
        for zh in [20.0, -20, 40, -40] {
            for zo in [20.0, -20, 40, -40] {
                for y in saturatedTargets(output: c.output, cost: c.cost) {
                    let run = try saturatedRun(hidden: c.hidden, output: c.output, cost: c.cost, hidden: zh, output: zo, target: y)
                    let cursor = TraceCursor(run: run)
                    repeat {
                        let explanation = cursor.explanation
                        for target in explanation.targets {
                            for derivation in explanation.derivations(for: target) {
                                for s in derivation.substituted {
                                    let line = text.render(s.expr)
                                    let place = "z₁=\(zh) z₂=\(zo) y=\(y) \(cursor.position) \(target): \(line)"
                                    if derivation.result.isFinite {
                                        #expect(!line.contains("NaN") && !line.contains("∞"), "\(place)")
                                    }
                                    #expect(s.agreement == .equal, "\(place)")
                                    #expect(Narrator.say(s) == nil, "\(place)")
                                    for case .subtract(.number(let x), .number(let y)) in parts(of: s.expr) where x != y {
                                        let pieces = text.render(.subtract(.number(x), .number(y))).components(separatedBy: " − ")
                                        #expect(pieces.count == 2 && pieces[0] != pieces[1].trimmingCharacters(in: ["(", ")"]), "\(place)")
                                    }
                                    for note in s.notes {
                                        let sentence = Narrator.say(note).text
                                        #expect(!sentence.contains("NaN"), "\(place): \(sentence)")
                                    }
                                    rendered += 1
                                }
                            }
                        }
                    } while cursor.stepForward()
                }
            }
        }
        #expect(rendered > 250)
    }
}
