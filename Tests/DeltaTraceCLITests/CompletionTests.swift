import Foundation
import Testing

/// Shell completion: the scripts generate, and the binary offers lessons, the variants of
/// the lesson on the command line, costs and `--vary` keys, asked the way the scripts ask.
@Suite struct CompletionTests {
    /// What the binary offers for the word at `index` of a command line (the program's name
    /// first), with the cursor at the end of that word: the call the generated scripts make,
    /// `deltatrace ---completion SUBCOMMAND -- ARGUMENT INDEX CURSOR WORDS…`.
    static func offered(_ subcommand: String, _ argument: String, _ words: [String], in directory: URL = packageRoot) throws -> [String] {
        let index = words.count - 1
        let outcome = try deltatrace(["---completion", subcommand, "--", argument, String(index), String(words[index].count)] + words, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.lines
    }

    @Test func variantsAreTheLessonsOnTheCommandLine() throws {
        let lesson2 = ["gentle-start", "lecture-mse", "cross-entropy"]
        #expect(try CompletionTests.offered("run", "--variant", ["deltatrace", "run", "2", "--variant", ""]) == lesson2)
        #expect(try CompletionTests.offered("trace", "--variant", ["deltatrace", "trace", "saturated-neuron", "--variant", ""]) == lesson2)
        #expect(try CompletionTests.offered("tui", "--variant", ["deltatrace", "tui", "lessons/02-saturated-neuron.yaml", "--variant", ""]) == lesson2)
        // The lesson may come after the option; the typed part of the variant narrows it.
        #expect(try CompletionTests.offered("run", "--variant", ["deltatrace", "run", "--epochs", "3", "--variant", "c"]).isEmpty)
        #expect(try CompletionTests.offered("run", "--variant", ["deltatrace", "run", "--epochs", "3", "2", "--variant", "c"]) == ["cross-entropy"])
        // Lesson 3 has its own variant; no lesson yet, no variants.
        #expect(try CompletionTests.offered("run", "--variant", ["deltatrace", "run", "3", "--variant", ""]) == ["cross-entropy"])
        #expect(try CompletionTests.offered("run", "--variant", ["deltatrace", "run", "--variant", ""]).isEmpty)
    }

    @Test func lessonsByNumberNameAndFile() throws {
        let all = try CompletionTests.offered("run", "positional@0", ["deltatrace", "run", ""])
        #expect(Array(all.prefix(6)) == ["1", "one-neuron", "2", "saturated-neuron", "3", "mse-vs-cross-entropy"])
        #expect(all.contains("lessons/") && all.contains("Tests/") && !all.contains("Package.swift") && !all.contains(".build/"))
        #expect(try CompletionTests.offered("run", "positional@0", ["deltatrace", "run", "sat"]) == ["saturated-neuron"])
        #expect(try CompletionTests.offered("compare", "positional@0", ["deltatrace", "compare", "lessons/0"])
                == ["lessons/01-one-neuron.yaml", "lessons/02-saturated-neuron.yaml", "lessons/03-mse-vs-cross-entropy.yaml",
                    "lessons/04-backprop-2-2-2.yaml", "lessons/05-minibatches.yaml", "lessons/06-initialising-weights.yaml",
                    "lessons/07-softmax-log-likelihood.yaml", "lessons/08-sigmoid-vs-softmax.yaml", "lessons/09-holdout.yaml"])
        #expect(try CompletionTests.offered("compare", "positional@0", ["deltatrace", "compare", "lessons/1"])
                == ["lessons/10-cross-validation.yaml", "lessons/11-overfitting-and-l2.yaml", "lessons/12-l1-vs-l2.yaml",
                    "lessons/13-dropout.yaml", "lessons/14-expanding-data.yaml", "lessons/15-learning-rate.yaml"])
        #expect(try CompletionTests.offered("tui", "positional@0", ["deltatrace", "tui", "lessons/R"]).isEmpty)
    }

    @Test func varyOffersTheLessonKeysAndCosts() throws {
        let keys = try CompletionTests.offered("compare", "--vary", ["deltatrace", "compare", "2", "--vary", ""])
        #expect(keys.allSatisfy { $0.hasSuffix("=") })
        for key in ["layers=", "cost=", "eta=", "batch=", "epochs=", "lambda=", "dropout=", "train.seed=", "init.seed=", "weights="] {
            #expect(keys.contains(key), "\(key)")
        }
        // `seed` is in two sections, so it is offered by path; data keys cannot be varied.
        #expect(!keys.contains("seed=") && !keys.contains("holdout=") && !keys.contains("file="))
        #expect(try CompletionTests.offered("compare", "--vary", ["deltatrace", "compare", "2", "--vary", "e"]) == ["expand=", "eta=", "epochs=", "early-stopping="])
        #expect(try CompletionTests.offered("compare", "--vary", ["deltatrace", "compare", "2", "--vary", "cost="])
                == ["cost=mse", "cost=quadratic", "cost=cross-entropy", "cost=log-likelihood"])
        #expect(try CompletionTests.offered("compare", "--vary", ["deltatrace", "compare", "2", "--vary", "network.cost=cr"]) == ["network.cost=cross-entropy"])
    }

    @Test func theScriptsGenerate() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try deltatrace(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("---completion"), "\(shell): \(script.stderr)")
        }
    }

    /// The bash script, sourced in bash, completing a command line as bash would.
    static func bashCompletes(_ words: [String]) throws -> [String] {
        let script = try deltatrace(["--generate-completion-script", "bash"]).stdout
        return try withFiles(["deltatrace.bash": script]) { dir in
            let binary = try deltatraceBinary().path
            let line = ([binary] + words).map { $0.isEmpty ? "''" : $0 }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", "-c", """
                source "$1"
                COMP_WORDS=(\(line))
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                COMP_LINE="${COMP_WORDS[*]}"
                COMP_POINT=${#COMP_LINE}
                _deltatrace "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """, "bash", dir.appendingPathComponent("deltatrace.bash").path]
            process.currentDirectoryURL = packageRoot
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    @Test func bashCompletesVariantsCostsAndKeys() throws {
        #expect(try CompletionTests.bashCompletes(["run", "2", "--variant", ""]) == ["gentle-start", "lecture-mse", "cross-entropy"])
        #expect(try CompletionTests.bashCompletes(["run", "2", "--cost", "c"]) == ["cross-entropy"])
        #expect(try CompletionTests.bashCompletes(["run", "2", "--cost", ""]) == ["mse", "quadratic", "cross-entropy", "log-likelihood"])
        #expect(try CompletionTests.bashCompletes(["compare", "2", "--vary", "la"]) == ["layers=", "lambda="])
        #expect(try CompletionTests.bashCompletes(["run", "mse"]) == ["mse-vs-cross-entropy"])
    }
}
