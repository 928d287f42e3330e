import TrilliumModel

// Templates read the views through `TemplateObject.value(of:)`, a switch over `TemplateField`.
// Every stored property of a view must be listed; `TemplateViewTests` checks that none is missing.

extension PageView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .lang: .text(lang)
        case .htmlLang: .text(htmlLang)
        case .isFrench: .flag(isFrench)
        case .siteSearch: .object(siteSearch)
        case .search: .object(search)
        case .t: .strings(t)
        case .site: .object(site)
        case .title: .text(title)
        case .documentTitle: .text(documentTitle)
        case .description: .text(description)
        case .canonical: .text(canonical)
        case .alternates: .objects(alternates)
        case .toggle: .object(toggle)
        case .assets: .object(assets)
        case .quickExitURL: .text(quickExitURL)
        case .menu: .objects(menu)
        case .footerLinks: .objects(footerLinks)
        case .breadcrumbs: .objects(breadcrumbs)
        case .content: .text(content)
        case .toc: .objects(toc)
        case .children: .objects(children)
        case .lastModified: .object(lastModified)
        case .published: .object(published)
        case .contact: .object(contact)
        case .feeds: .object(feeds)
        case .latestUpdates: .objects(latestUpdates)
        case .pagination: .object(pagination)
        case .directory: .object(directory)
        case .serviceList: .object(serviceList)
        case .service: .object(service)
        case .embedSnippets: .object(embedSnippets)
        case .languageChoice: .object(languageChoice)
        case .scripts: .texts(scripts)
        case .hasToc: .flag(hasToc)
        case .hasChildren: .flag(hasChildren)
        case .hasBreadcrumbs: .flag(hasBreadcrumbs)
        case .hasLatestUpdates: .flag(hasLatestUpdates)
        case .sources: .objects(sources)
        case .helpBox: .object(helpBox)
        case .hasSources: .flag(hasSources)
        default: .missing
        }
    }
}

extension SiteView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .title: .text(title)
        case .description: .text(description)
        case .homeHref: .text(homeHref)
        case .rootHref: .text(rootHref)
        default: .missing
        }
    }
}

extension AlternateView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .hreflang: .text(hreflang)
        case .href: .text(href)
        default: .missing
        }
    }
}

extension LinkView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .title: .text(title)
        case .href: .text(href)
        case .current: .flag(current)
        case .lang: .text(lang)
        case .hreflang: .text(hreflang)
        default: .missing
        }
    }
}

extension AssetsView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .css: .text(css)
        case .printCSS: .text(printCSS)
        case .exitJS: .text(exitJS)
        default: .missing
        }
    }
}

extension TocItem: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .text: .text(text)
        case .id: .text(id)
        case .children: .objects(children)
        case .hasChildren: .flag(hasChildren)
        default: .missing
        }
    }
}

extension CardView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .title: .text(title)
        case .href: .text(href)
        case .text: .text(text)
        case .date: .object(date)
        default: .missing
        }
    }
}

extension DateView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .iso: .text(iso)
        case .text: .text(text)
        case .inSentence: .text(inSentence)
        default: .missing
        }
    }
}

extension ContactView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .emergency: .object(emergency)
        case .hotline: .object(hotline)
        case .hotlineName: .text(hotlineName)
        default: .missing
        }
    }
}

extension PhoneView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .display: .text(display)
        case .tel: .text(tel)
        default: .missing
        }
    }
}

extension FeedLinksView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .atom: .text(atom)
        case .json: .text(json)
        default: .missing
        }
    }
}

extension PaginationView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .previous: .text(previous)
        case .next: .text(next)
        case .pages: .objects(pages)
        case .current: .number(current)
        case .total: .number(total)
        default: .missing
        }
    }
}

extension DirectoryView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .searchIndex: .text(searchIndex)
        case .listsURL: .text(listsURL)
        case .facetsURL: .text(facetsURL)
        case .categories: .objects(categories)
        case .regions: .objects(regions)
        case .audiences: .objects(audiences)
        case .languages: .objects(languages)
        case .allServices: .object(allServices)
        case .featured: .object(featured)
        default: .missing
        }
    }
}

extension FeaturedServicesView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .heading: .text(heading)
        case .cardsHTML: .text(cardsHTML)
        case .more: .object(more)
        default: .missing
        }
    }
}

extension ServiceListView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .countText: .text(countText)
        case .cardsHTML: .text(cardsHTML)
        case .isEmpty: .flag(isEmpty)
        case .hasGroups: .flag(hasGroups)
        case .hasWiden: .flag(hasWiden)
        case .regionCovers: .text(regionCovers)
        case .groups: .objects(groups)
        case .widen: .objects(widen)
        default: .missing
        }
    }
}

extension TermGroupView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .heading: .text(heading)
        case .terms: .objects(terms)
        default: .missing
        }
    }
}

extension PageNumberView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .title: .text(title)
        case .href: .text(href)
        case .current: .flag(current)
        case .isGap: .flag(isGap)
        default: .missing
        }
    }
}

extension TermView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .id: .text(id)
        case .label: .text(label)
        case .href: .text(href)
        case .count: .number(count)
        case .countText: .text(countText)
        default: .missing
        }
    }
}

extension ServiceCardView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .id: .text(id)
        case .name: .text(name)
        case .href: .text(href)
        case .summary: .text(summary)
        case .contacts: .objects(contacts)
        case .tags: .texts(tags)
        default: .missing
        }
    }
}

extension ContactLinkView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .text: .text(text)
        case .href: .text(href)
        case .isExternal: .flag(isExternal)
        default: .missing
        }
    }
}

extension FactView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .term: .text(term)
        case .value: .text(value)
        case .links: .objects(links)
        case .hasLinks: .flag(hasLinks)
        default: .missing
        }
    }
}

extension ServiceView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .id: .text(id)
        case .name: .text(name)
        case .summary: .text(summary)
        case .descriptionHTML: .text(descriptionHTML)
        case .organization: .text(organization)
        case .contacts: .objects(contacts)
        case .facts: .objects(facts)
        case .lastVerified: .object(lastVerified)
        case .source: .object(source)
        case .tags: .texts(tags)
        default: .missing
        }
    }
}

extension EmbedSnippetsView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .widget: .text(widget)
        case .iframe: .text(iframe)
        case .frameListener: .text(frameListener)
        case .servicesJSON: .text(servicesJSON)
        case .schemaJSON: .text(schemaJSON)
        case .hsdsJSON: .text(hsdsJSON)
        case .hsdsPagesJSON: .text(hsdsPagesJSON)
        case .openAPIJSON: .text(openAPIJSON)
        case .embedJS: .text(embedJS)
        case .version: .text(version)
        default: .missing
        }
    }
}

extension LanguageChoiceView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .english: .object(english)
        case .french: .object(french)
        case .descriptionEn: .text(descriptionEn)
        case .descriptionFr: .text(descriptionFr)
        case .tFr: .strings(tFr)
        case .notFound: .flag(notFound)
        default: .missing
        }
    }
}

extension SourceView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .href: .text(href)
        case .text: .text(text)
        case .date: .object(date)
        case .otherLanguage: .text(otherLanguage)
        default: .missing
        }
    }
}

extension HelpBoxView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .directoryHref: .text(directoryHref)
        default: .missing
        }
    }
}

extension SiteSearchFormView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .href: .text(href)
        default: .missing
        }
    }
}

extension SearchPageView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .indexURL: .text(indexURL)
        case .isSearchPage: .flag(isSearchPage)
        case .letters: .objects(letters)
        case .entries: .objects(entries)
        case .hasEntries: .flag(hasEntries)
        case .resultsNone: .text(resultsNone)
        case .resultsOne: .text(resultsOne)
        case .resultsMany: .text(resultsMany)
        case .resultsError: .text(resultsError)
        default: .missing
        }
    }
}

extension SearchEntryView: TemplateObject {
    public func value(of field: TemplateField) -> TemplateValue {
        switch field {
        case .title: .text(title)
        case .href: .text(href)
        case .section: .text(section)
        case .phone: .object(phone)
        default: .missing
        }
    }
}
