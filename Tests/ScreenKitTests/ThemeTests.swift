import Testing
@testable import ScreenKit

/// The shipped theme files, found from this source file's location.
enum ShippedThemes {
    static let directory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // ThemeTests.swift, ScreenKitTests, Tests
        return parts.joined(separator: "/") + "/themes"
    }()

    static let names = ["default", "high-contrast", "mono"]

    static func text(_ name: String) throws -> String {
        try ThemeFile.read(directory + "/" + name + ".theme")
    }

    /// Every role the console's panels use; each shipped theme must style all of them.
    static let applicationRoles: [StyleRole] = [
        "normal", "header", "header.alert", "tab.active", "tab.inactive", "status.bar", "status.ok",
        "status.warning", "status.error", "help.key", "help.text", "panel.title", "panel.title.focus",
        "border", "selection", "muted", "highlight", "input", "input.focus", "dialog", "chart.bar",
        "ro.overdue", "ro.atRisk", "ro.onTrack", "callback.due", "callback.overdue", "customer.loyal",
        "complaint.overdue", "plate",
    ]
}

@Suite struct ShippedThemeFileTests {
    @Test(arguments: ShippedThemes.names)
    func parsesAndCoversEveryApplicationRole(name: String) throws {
        let theme = try Theme.parse(ShippedThemes.text(name), fileName: "themes/\(name).theme")
        let missing = ShippedThemes.applicationRoles.filter { theme.entries[$0] == nil }
        #expect(missing.isEmpty, "themes/\(name).theme lacks \(missing)")
        let unknown = theme.roles.filter { !ShippedThemes.applicationRoles.contains($0) }
        #expect(unknown.isEmpty, "themes/\(name).theme styles roles nobody uses (typo?): \(unknown)")
    }

    @Test func themeDirectoryListsTheShippedThemes() {
        #expect(Theme.availableNames(in: [ShippedThemes.directory]) == ShippedThemes.names)
    }

    @Test func builtinDefaultIsTheDefaultFile() throws {
        let fromFile = try Theme.parse(ShippedThemes.text("default"), fileName: "themes/default.theme")
        #expect(Theme.builtinDefault == fromFile)
        #expect(Theme.builtinDefault.name == "Default")
    }

    @Test(arguments: ShippedThemes.names)
    func selectionStandsOutAtEveryDepth(name: String) throws {
        let theme = try Theme.parse(ShippedThemes.text(name), fileName: "\(name).theme")
        for depth in ColorDepth.allCases {
            let normal = theme.style(for: .normal, depth: depth)
            let selection = theme.style(for: .selection, depth: depth)
            #expect(selection != normal, "\(name) at \(depth): selection looks like normal text")
        }
    }

    @Test func monoThemeUsesNoColors() throws {
        let theme = try Theme.parse(ShippedThemes.text("mono"), fileName: "mono.theme")
        for role in ShippedThemes.applicationRoles {
            for depth in ColorDepth.allCases {
                let style = theme.style(for: role, depth: depth)
                #expect(style.fg == .default && style.bg == .default, "\(role) at \(depth)")
            }
        }
        #expect(theme.style(for: .selection, depth: .truecolor).attributes == .reverse)
    }

    @Test func highContrastUsesBlackBackgroundEverywhereByDefault() throws {
        let theme = try Theme.parse(ShippedThemes.text("high-contrast"), fileName: "high-contrast.theme")
        #expect(theme.name == "High contrast")
        #expect(theme.style(for: "panel.title", depth: .colors256).bg == .indexed(16))
        #expect(theme.style(for: "some.new.role", depth: .colors8) == ResolvedStyle(fg: .ansi(15), bg: .ansi(0)))
    }
}

@Suite struct ThemeResolutionTests {
    let theme: Theme

    init() throws {
        theme = try Theme.parse("""
            normal      fg=#d0d0d0/252/white  bg=default
            ro          fg=#00ff00/46/green   underline
            ro.overdue  fg=#ff5f5f/203/red    bold        mono=bold,underline
            dialog      bg=#0000ff/21/blue
            dialog.title fg=yellow
            """, fileName: "test.theme")
    }

    @Test func fallbackChainGoesFromMostSpecificToNormal() {
        #expect(Theme.fallbackChain(of: "ro.overdue.waiter") == ["ro.overdue.waiter", "ro.overdue", "ro", "normal"])
        #expect(Theme.fallbackChain(of: "normal") == ["normal"])
        #expect(Theme.fallbackChain(of: "selection") == ["selection", "normal"])
    }

    @Test func unknownSubRoleTakesItsParentsStyle() {
        let waiter = theme.style(for: "ro.overdue.waiter", depth: .colors256)
        #expect(waiter == ResolvedStyle(fg: .indexed(203), bg: .default, attributes: .bold))
        let other = theme.style(for: "ro.somethingElse", depth: .colors256)
        #expect(other == ResolvedStyle(fg: .indexed(46), bg: .default, attributes: .underline))
        #expect(theme.style(for: "nothing.like.this", depth: .colors256) == ResolvedStyle(fg: .indexed(252)))
    }

    @Test func eachFieldIsInheritedSeparately() {
        let title = theme.style(for: "dialog.title", depth: .colors8)
        #expect(title == ResolvedStyle(fg: .ansi(3), bg: .ansi(4)))
        // Only an 8-color name was given: other depths use it too.
        #expect(theme.style(for: "dialog.title", depth: .truecolor).fg == .ansi(3))
        #expect(theme.style(for: "dialog.title", depth: .truecolor).bg == .rgb(0, 0, 255))
    }

    @Test func depthPicksTheMatchingAlternative() {
        #expect(theme.style(for: "ro.overdue", depth: .truecolor).fg == .rgb(0xff, 0x5f, 0x5f))
        #expect(theme.style(for: "ro.overdue", depth: .colors256).fg == .indexed(203))
        #expect(theme.style(for: "ro.overdue", depth: .colors8).fg == .ansi(1))
        #expect(theme.style(for: "ro.overdue", depth: .mono).fg == .default)
    }

    @Test func missingAlternativesAreDerived() throws {
        let t = try Theme.parse("""
            a fg=#ff0000
            b fg=196
            c fg=#87afff bg=244
            """, fileName: "t.theme")
        #expect(t.style(for: "a", depth: .colors256).fg == .indexed(196))
        #expect(t.style(for: "a", depth: .colors8).fg == .ansi(1))
        #expect(t.style(for: "b", depth: .truecolor).fg == .indexed(196))
        #expect(t.style(for: "b", depth: .colors8).fg == .ansi(1))
        #expect(t.style(for: "c", depth: .colors256).fg == .indexed(111))
        #expect(t.style(for: "c", depth: .colors8).bg == .ansi(7)) // gray 244 is nearer white than black
    }

    @Test func monoDropsColorsAndUsesMonoAttributes() {
        #expect(theme.style(for: "ro.overdue", depth: .mono) == ResolvedStyle(attributes: [.bold, .underline]))
        // No mono= in the chain and no built-in emphasis: the role's own attributes.
        #expect(theme.style(for: "ro.onTime", depth: .mono) == ResolvedStyle(attributes: .underline))
        #expect(theme.style(for: "dialog.title", depth: .mono) == ResolvedStyle(attributes: .bold))
    }

    @Test func builtinMonoEmphasisAppliesWhenTheFileSaysNothing() throws {
        let plain = try Theme.parse("normal fg=default\nselection bg=blue\npanel.title fg=cyan underline\n",
                                    fileName: "plain.theme")
        #expect(plain.style(for: .selection, depth: .mono).attributes == .reverse)
        #expect(plain.style(for: .title, depth: .mono).attributes == [.bold, .underline])
        #expect(plain.style(for: "status.error", depth: .mono).attributes == [.bold, .underline])
        #expect(plain.style(for: "callback.overdue.today", depth: .mono).attributes == [.bold, .underline])
        #expect(plain.style(for: .normal, depth: .mono).attributes == [])
    }

    @Test func explicitMonoNoneRemovesBuiltinEmphasis() throws {
        let t = try Theme.parse("selection bg=blue mono=none", fileName: "t.theme")
        #expect(t.style(for: .selection, depth: .mono).attributes == [])
    }
}
