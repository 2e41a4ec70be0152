import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// A 2-3-1 network whose initial weights are drawn (`gaussian`), trained on XOR with shuffles,
/// and variants that change one seed each.
let seededLesson = """
    title: Seeds
    summary: Which seed draws what.
    network: {layers: [2, 3, 1], output: sigmoid, cost: quadratic}
    data: {generator: xor}
    train: {eta: 2, epochs: 5, shuffle: true, seed: 3}
    variants:
      - {name: other-shuffles, train.seed: 7}
      - {name: other-start, init.seed: 7}
      - {name: other-cost, cost: cross-entropy}
    """

@Suite struct InitialParametersTests {
    /// One rule: a run's initial parameters depend on its init settings alone, with the init
    /// seed defaulting to the lesson's train.seed, so `run --variant` and `compare` agree.
    @Test func aVariantThatChangesOnlyTheTrainingSeedKeepsTheLessonsStart() throws {
        let lesson = try Lesson.parse(seededLesson, file: "s.yaml")
        #expect(lesson.settings.initSeed == 3)
        let base = try lesson.makeRun(), alone = try lesson.makeRun(variant: "other-shuffles")
        let compared = try lesson.makeRuns(comparing: [lesson.settings, try lesson.settings(variant: "other-shuffles")])
        // Bit-identical: == on [Double] compares every weight and bias exactly.
        #expect(alone.initialParameters == compared[1].initialParameters)
        #expect(alone.initialParameters == base.initialParameters && compared[0].initialParameters == base.initialParameters)
        // The lesson's own start is the gaussian draw of seed 3, the lesson's train.seed.
        let network = try lesson.settings.network()
        #expect(base.initialParameters == (try Initialization.gaussian.parameters(for: network, seed: 3)))
        #expect(base.initialParameters != (try Initialization.gaussian.parameters(for: network, seed: 7)))
        // Epoch 0 is the same; the shuffles (train.seed) then differ.
        for run in [base, alone] { run.finish() }
        #expect(alone.epochSummaries[0].cost == base.epochSummaries[0].cost)
        #expect(alone.epochSummaries[5].cost != base.epochSummaries[5].cost)
    }

    @Test func theInitSeedAloneChangesTheStartAndRunSeedSetsBoth() throws {
        let lesson = try Lesson.parse(seededLesson, file: "s.yaml")
        let network = try lesson.settings.network()
        let seven = try Initialization.gaussian.parameters(for: network, seed: 7)
        let started = try lesson.makeRun(variant: "other-start")
        #expect(started.initialParameters == seven && started.configuration.seed == 3)
        let runs = try lesson.makeRuns(comparing: [lesson.settings, try lesson.settings(variant: "other-start"), try lesson.settings(variant: "other-cost")])
        #expect(runs[1].initialParameters == seven)
        #expect(runs[2].initialParameters == runs[0].initialParameters)
        // `run --seed 7` is the seed of every random choice: both seeds.
        let changed = try lesson.settings(variant: nil, changing: [(LessonKey.trainSeed.path, "7"), (LessonKey.initSeed.path, "7")])
        let seeded = try lesson.makeRun(changed)
        #expect(seeded.initialParameters == seven && seeded.configuration.seed == 7)
    }

    @Test func anExplicitInitSeedIsKeptAndVariantsInheritIt() throws {
        let text = seededLesson.replacingOccurrences(of: "data: {generator: xor}", with: "init: {seed: 11}\ndata: {generator: xor}")
        let lesson = try Lesson.parse(text, file: "s.yaml")
        #expect(lesson.settings.initSeed == 11 && lesson.settings.training.seed == 3)
        let network = try lesson.settings.network()
        let eleven = try Initialization.gaussian.parameters(for: network, seed: 11)
        #expect(try lesson.makeRun().initialParameters == eleven)
        #expect(try lesson.makeRun(variant: "other-shuffles").initialParameters == eleven)
        #expect(try lesson.makeRun(variant: "other-start").initialParameters != eleven)
    }
}
