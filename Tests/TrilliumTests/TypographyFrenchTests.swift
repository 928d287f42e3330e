import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

/// Canadian French spacing rules (OQLF) applied to rendered HTML.
@Suite("French typography")
struct TypographyFrenchTests {
    static let nbsp = "\u{00A0}"
    static let narrow = "\u{202F}"
    static let hyphen = "\u{2011}"

    func fix(_ html: String) -> String { FrenchTypography.apply(toHTML: html) }

    @Test func aColonGetsANoBreakSpaceBefore() {
        #expect(fix("<p>Note : lisez ceci.</p>") == "<p>Note\(Self.nbsp): lisez ceci.</p>")
        #expect(fix("<p>Note: lisez ceci.</p>") == "<p>Note\(Self.nbsp): lisez ceci.</p>")
    }

    @Test func anApostropheInsideAWordBecomesTheTypographicOne() {
        #expect(fix("<p>l'aide d'urgence, aujourd'hui, qu'il, s'écrit, j'écoute</p>")
            == "<p>l’aide d’urgence, aujourd’hui, qu’il, s’écrit, j’écoute</p>")
        #expect(fix("<p>Ligne d&#39;aide</p>") == "<p>Ligne d’aide</p>", "escaped by a template")
        #expect(FrenchTypography.apply(toText: "Services d'aide") == "Services d’aide")
    }

    @Test func anApostropheBeforeALinkWhoseTextGoesOnTheWordBecomesTheTypographicOne() {
        #expect(fix("<p>Découvrez l'<a href=\"/fr/aide/\">aide</a> et d&#39;<em>autres</em> services.</p>")
            == "<p>Découvrez l’<a href=\"/fr/aide/\">aide</a> et d’<em>autres</em> services.</p>")
        #expect(fix("<p>'cité'</p><p>l'</p><p>aide</p>") == "<p>'cité'</p><p>l'</p><p>aide</p>", "a closing tag ends the word")
        #expect(fix("<p>l'<!-- x -->aide</p>") == "<p>l'<!-- x -->aide</p>")
    }

    @Test func apostrophesOutsideWordsAttributesAndCodeStayAsTheyAre() {
        #expect(fix("<p title=\"l'aide\">'cité' et 'n</p>") == "<p title=\"l'aide\">'cité' et 'n</p>")
        #expect(fix("<p><code>l'aide</code> https://example.org/l'aide</p>") == "<p><code>l'aide</code> https://example.org/l'aide</p>")
        #expect(fix("<p>l&#39; aide, 1&#39;2</p>") == "<p>l&#39; aide, 1&#39;2</p>")
    }

    @Test func textMarkedAsAnotherLanguageKeepsItsOwnTypography() {
        #expect(fix("<p>Source : <a lang=\"en\" href=\"x\">Chapter 6: Victim's rights?</a> et puis : fin</p>")
            == "<p>Source\(Self.nbsp): <a lang=\"en\" href=\"x\">Chapter 6: Victim's rights?</a> et puis\(Self.nbsp): fin</p>")
        #expect(fix("<div lang=\"en\"><p>One: <br>two: <em>three:</em></p></div><p>quatre : cinq</p>")
            == "<div lang=\"en\"><p>One: <br>two: <em>three:</em></p></div><p>quatre\(Self.nbsp): cinq</p>")
        #expect(fix("<p lang=\"fr-CA\">Titre : oui</p>") == "<p lang=\"fr-CA\">Titre\(Self.nbsp): oui</p>")
    }

    @Test func aNumberBeforeAColonIsNotATime() {
        #expect(fix("<p>Article 3: texte</p>") == "<p>Article 3\(Self.nbsp): texte</p>")
        #expect(fix("<p>à 18:15</p>") == "<p>à 18:15</p>")
    }

    @Test func guillemetsGetNoBreakSpacesInside() {
        #expect(fix("<p>« Bonjour »</p>") == "<p>«\(Self.nbsp)Bonjour\(Self.nbsp)»</p>")
        #expect(fix("<p>«Bonjour»</p>") == "<p>«\(Self.nbsp)Bonjour\(Self.nbsp)»</p>")
    }

    @Test("semicolons, exclamation and question marks get a narrow no-break space", arguments: [
        ("Vraiment ?", "Vraiment\u{202F}?"),
        ("Vraiment?", "Vraiment\u{202F}?"),
        ("Appelez !", "Appelez\u{202F}!"),
        ("un ; deux", "un\u{202F}; deux"),
        ("Quoi ?!", "Quoi\u{202F}?!"),
    ])
    func narrowSpaces(_ input: String, _ expected: String) {
        #expect(fix("<p>\(input)</p>") == "<p>\(expected)</p>")
    }

    @Test func spacesAlreadyRightAreKept() {
        let text = "<p>Note\(Self.nbsp): «\(Self.nbsp)oui\(Self.nbsp)» Vraiment\(Self.narrow)?</p>"
        #expect(fix(text) == text)
    }

    @Test func codeAndPreformattedTextAreLeftAlone() {
        let html = "<p>Tapez <code>a : b ? c</code></p>\n<pre><code>key: value\nwhy? because!\n</code></pre>\n<kbd>Ctrl : C</kbd>"
        #expect(fix(html) == html)
    }

    @Test func attributesAreLeftAlone() {
        let html = "<a href=\"https://x.ca/?a=1&amp;b=2\" title=\"Note : oui ?\">lien</a>"
        #expect(fix(html) == html)
    }

    @Test func webAddressesInTextAreLeftAlone() {
        #expect(fix("<p>Voir https://x.ca/?a=1 et www.x.ca/aide?q=1 ou mailto:a@x.ca.</p>")
                == "<p>Voir https://x.ca/?a=1 et www.x.ca/aide?q=1 ou mailto:a@x.ca.</p>")
    }

    @Test func timesAreLeftAlone() {
        #expect(fix("<p>Ouvert de 9:00 à 17:30.</p>") == "<p>Ouvert de 9:00 à 17:30.</p>")
    }

    @Test func entitiesPassThroughWhole() {
        #expect(fix("<p>Aide &amp; soutien &#39;ici&#39; &nbsp;fin</p>") == "<p>Aide &amp; soutien &#39;ici&#39; &nbsp;fin</p>")
    }

    @Test func phoneNumbersGetNonBreakingHyphens() {
        #expect(fix("<p>Composez le 1-833-900-1010 ou le 416-555-0199.</p>")
                == "<p>Composez le 1\(Self.hyphen)833\(Self.hyphen)900\(Self.hyphen)1010 ou le 416\(Self.hyphen)555\(Self.hyphen)0199.</p>")
    }

    @Test func otherHyphensAreKept() {
        #expect(fix("<p>La stratégie 2020-2025 est-elle renouvelée ?</p>") == "<p>La stratégie 2020-2025 est-elle renouvelée\(Self.narrow)?</p>")
    }

    @Test func tagsAndCommentsAreCopiedThrough() {
        #expect(fix("<!-- note : x ? --><p class=\"a:b\">Oui !</p>") == "<!-- note : x ? --><p class=\"a:b\">Oui\(Self.narrow)!</p>")
    }

    @Test func plainTextGetsTheSameRules() {
        #expect(FrenchTypography.apply(toText: "Nouvelles : « Stratégie » ?") == "Nouvelles\(Self.nbsp): «\(Self.nbsp)Stratégie\(Self.nbsp)»\(Self.narrow)?")
    }
}
