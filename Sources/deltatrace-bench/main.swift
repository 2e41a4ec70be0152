// Benchmarks DeltaCore on the bundled 8×8 digits: training speed, the cost of recording a
// trace by replay from a checkpoint, and of stepping the cursor backwards across updates.
// Build in release mode for real numbers: swift run -c release deltatrace-bench
import DeltaCore
import Foundation

struct Options {
    var epochs = 5
    var batch = 10
    var hidden = 30
    var path: String?
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--epochs": options.epochs = Int(arguments.popFirst() ?? "") ?? options.epochs
    case "--batch": options.batch = Int(arguments.popFirst() ?? "") ?? options.batch
    case "--hidden": options.hidden = Int(arguments.popFirst() ?? "") ?? options.hidden
    case "--data": options.path = arguments.popFirst()
    default:
        print("usage: deltatrace-bench [--epochs N] [--batch M] [--hidden H] [--data digits-8x8.csv]")
        exit(flag == "--help" || flag == "-h" ? 0 : 2)
    }
}

/// The digits CSV: 64 pixel columns (0–16, scaled to 0–1) and the digit, one-hot.
func loadDigits(_ path: String) throws -> Dataset {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var inputs: [[Double]] = [], targets: [[Double]] = []
    for line in text.split(separator: "\n").dropFirst() {
        let cells = line.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard cells.count == 65 else { continue }
        inputs.append(cells.prefix(64).map { $0 / 16 })
        targets.append((0..<10).map { Double($0) == cells[64] ? 1 : 0 })
    }
    return try Dataset(inputs: inputs, targets: targets)
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let path = options.path ?? root.appendingPathComponent("datasets/digits-8x8.csv").path
let data: Dataset
do { data = try loadDigits(path) } catch {
    FileHandle.standardError.write("deltatrace-bench: cannot read \(path): \(error)\n".data(using: .utf8)!)
    exit(2)
}

let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

let network = try Network(sizes: [64, options.hidden, 10], hidden: .sigmoid, output: .softmax, cost: .logLikelihood)
let run = try TrainingRun(
    network: network, training: data,
    configuration: TrainingConfiguration(eta: 0.5, batchSize: options.batch, epochs: options.epochs, shuffle: true, seed: 1,
                                         regularization: .l2(lambda: 1), dropout: 0.2),
    initialization: .gaussian)
let updates = run.layout.totalUpdates
let training = clock.measure { run.finish() }
let examples = Double(updates * options.batch)
print("network 64-\(options.hidden)-10, \(data.count) examples, M = \(options.batch), \(options.epochs) epochs, \(updates) updates")
print(String(format: "train:   %.3f s  (%.0f examples/s, %.0f updates/s; includes the per-epoch evaluation)",
             seconds(training), examples / seconds(training), Double(updates) / seconds(training)))
if let last = run.epochSummaries.last {
    print(String(format: "         epoch %d: cost %.4f, accuracy %.3f; %d checkpoints every %d updates",
                 last.epoch, last.totalCost, last.accuracy ?? .nan, run.checkpointCount, run.checkpointInterval))
}

var random = DeltaRandom(seed: 99)
let samples = 200
let tracing = clock.measure {
    for _ in 0..<samples { _ = run.trace(ofUpdate: random.nextInt(below: updates)) }
}
print(String(format: "trace:   %.3f ms per update recorded at random (replay from checkpoint + record)",
             seconds(tracing) * 1000 / Double(samples)))

let cursor = TraceCursor(run: run)
cursor.seek(to: TracePosition(epoch: options.epochs, update: run.layout.updatesPerEpoch, step: .gradientDescent(layer: 1)))
let backSteps = 2000
let stepping = clock.measure {
    for _ in 0..<backSteps { cursor.stepBack(); _ = cursor.explanation }
}
print(String(format: "step:    %.3f ms per step back with its explanation (crossing %d updates)",
             seconds(stepping) * 1000 / Double(backSteps), backSteps / (2 * 2 * options.batch + 2)))
