import Foundation
import Testing
@testable import ScreenKit

@Suite struct ThemeLoaderTests {
    /// A fresh directory with the given theme files, removed by the caller.
    private func directory(with files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("theme-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func findsANameInTheFirstDirectoryThatHasIt() throws {
        let first = try directory(with: ["warm.theme": "@name Warm one\nnormal fg=red"])
        let second = try directory(with: ["warm.theme": "@name Warm two\nnormal fg=blue"])
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }

        let (theme, warning) = Theme.load(nameOrPath: "warm", searchDirectories: ["/nonexistent", first, second])
        #expect(warning == nil)
        #expect(theme.name == "Warm one")
        #expect(Theme.load(nameOrPath: " warm.theme ", searchDirectories: [second]).0.name == "Warm two")
    }

    @Test func loadsAPath() throws {
        let dir = try directory(with: ["x.theme": "selection bg=green"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (theme, warning) = Theme.load(nameOrPath: dir + "/x.theme", searchDirectories: [])
        #expect(warning == nil)
        #expect(theme.name == "x")
        #expect(theme.style(for: .selection, depth: .colors8).bg == .ansi(2))
    }

    @Test func badFileFallsBackToTheDefaultWithTheErrorAsWarning() throws {
        let dir = try directory(with: ["mine.theme": "normal fg=default\n\nro.overdue fg=pruple\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (theme, warning) = Theme.load(nameOrPath: "mine", searchDirectories: [dir])
        #expect(theme == Theme.builtinDefault)
        #expect(warning == "\(dir)/mine.theme:3: unknown color 'pruple' (use \(ThemeError.colorForms))")
    }

    @Test func missingThemeFallsBackAndSaysWhereItLooked() {
        let (theme, warning) = Theme.load(nameOrPath: "nosuch", searchDirectories: ["/a", "/b/"])
        #expect(theme == Theme.builtinDefault)
        #expect(warning == "nosuch: theme not found (looked in: /a/nosuch.theme, /b/nosuch.theme)")
    }

    @Test func defaultWithoutAFileIsTheBuiltinSilently() {
        let (theme, warning) = Theme.load(nameOrPath: "default", searchDirectories: ["/nonexistent"])
        #expect(theme == Theme.builtinDefault)
        #expect(warning == nil)
        #expect(Theme.load(nameOrPath: "", searchDirectories: []).warning == nil)
    }

    @Test func nonUTF8FileIsReported() throws {
        let dir = try directory(with: [:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/latin.theme", contents: Data([0x6E, 0x6F, 0xE9, 0x0A]))
        let result = Theme.resolve(nameOrPath: "latin", searchDirectories: [dir])
        #expect(throws: ThemeError(file: dir + "/latin.theme", line: nil, problem: .notUTF8)) { try result.get() }
    }

    @Test func directoryWithTheThemesNameIsNotAThemeFile() throws {
        let dir = try directory(with: [:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/odd.theme", withIntermediateDirectories: false)
        #expect(Theme.load(nameOrPath: "odd", searchDirectories: [dir]).warning != nil)
    }
}
