using System.Collections.Frozen;
using System.Text;

namespace Import.Sdk.Commerce.Identifiers;

// Over 400 lines, on purpose: most of it is the table of ISO 3166-1 countries with their French and English names (data, one
// line a country); the code that reads it is short.

/// <summary>
/// Country normalisation: turns what users type in a "country" column (ISO 3166-1 alpha-2 or
/// alpha-3 codes, French or English names, with or without accents) into the ISO 3166-1
/// alpha-2 code.
/// </summary>
/// <remarks>
/// All ISO 3166-1 countries and territories are known, plus Kosovo (<c>XK</c>). French
/// overseas departments and territories with their own ISO code (GP, MQ, GF, RE, YT, PM, NC,
/// PF, WF, BL, MF, TF) are returned as such, not as <c>FR</c>. Matching ignores case,
/// diacritics, spaces, hyphens, apostrophes, dots and other punctuation: <c>"Côte d'Ivoire"</c>,
/// <c>"COTE D IVOIRE"</c> and <c>"cote-divoire"</c> are the same key.
/// </remarks>
public static class Countries
{
    // Longest normalised key is well under this; longer inputs are not country names.
    private const int MaxKeyLength = 64;

    // Folding of the Latin-1 Supplement, Latin Extended-A and Latin Extended-B blocks
    // (U+00C0..U+024F) to upper-case base letters, '\0' for non-letters. Immutable string,
    // computed with string.Normalize(FormD) when the host supports it (ICU), otherwise the
    // precomputed LatinFoldFallback (globalization-invariant hosts).
    private const char FoldStart = '\u00C0';
    private const char FoldEnd = '\u0250';
    private static readonly string LatinFold =
        NormalizeFormD("\u00E9") == "e\u0301" ? ComputeLatinFold() : LatinFoldFallback;

    private static readonly FrozenDictionary<string, string> Lookup = BuildLookup();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Lookup.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Alpha2Codes =
        GetEntries().Select(e => e.Alpha2).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Alpha2SpanLookup =
        Alpha2Codes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Recognises a country from an ISO 3166-1 alpha-2 code (<c>"FR"</c>), alpha-3 code
    /// (<c>"FRA"</c>), French name (<c>"Allemagne"</c>, <c>"États-Unis"</c>) or English name
    /// (<c>"Germany"</c>, <c>"United Kingdom"</c>, <c>"UK"</c>), ignoring case, accents and
    /// punctuation. Never throws.
    /// </summary>
    /// <param name="input">The text typed by the user.</param>
    /// <param name="isoCode">The upper-case ISO 3166-1 alpha-2 code when recognised; otherwise an empty string.</param>
    /// <returns><see langword="true"/> when the country was recognised.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> input, out string isoCode)
    {
        Span<char> key = stackalloc char[MaxKeyLength];
        if (TryFold(input, key, out var length) && length > 0 && SpanLookup.TryGetValue(key[..length], out var code))
        {
            isoCode = code;
            return true;
        }

        isoCode = string.Empty;
        return false;
    }

    /// <summary>Whether two upper-case ASCII letters are a known ISO 3166-1 alpha-2 code (or XK).</summary>
    internal static bool IsAlpha2Code(ReadOnlySpan<char> code) =>
        code.Length == 2 && Alpha2SpanLookup.Contains(code);

    /// <summary>
    /// Folds <paramref name="input"/> into <paramref name="destination"/>: letters and digits
    /// only, diacritics removed, upper-cased (invariant). Returns <see langword="false"/> when
    /// the result does not fit.
    /// </summary>
    internal static bool TryFold(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        written = 0;
        foreach (var c in input)
        {
            char folded;
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetterLower(c))
                {
                    folded = (char)(c - ('a' - 'A'));
                }
                else if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
                {
                    folded = c;
                }
                else
                {
                    continue;
                }
            }
            else if (c is >= FoldStart and < FoldEnd)
            {
                folded = LatinFold[c - FoldStart];
                if (folded == '\0')
                {
                    continue;
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                folded = char.ToUpperInvariant(c);
            }
            else
            {
                // Combining marks of decomposed input, spaces, apostrophes, dashes, ...
                continue;
            }

            if (written == destination.Length)
            {
                written = 0;
                return false;
            }

            destination[written++] = folded;
        }

        return true;
    }

    /// <summary>
    /// The country table: ISO alpha-2 code, ISO alpha-3 code and the '|'-separated English
    /// and French names and usual aliases. A new array on each call (no shared mutable state).
    /// </summary>
    internal static (string Alpha2, string Alpha3, string Names)[] GetEntries() =>
        [
            ("AD", "AND", "Andorra|Andorre"),
            ("AE", "ARE", "United Arab Emirates|Émirats arabes unis|UAE|Emirats arabes unis|EAU"),
            ("AF", "AFG", "Afghanistan"),
            ("AG", "ATG", "Antigua and Barbuda|Antigua-et-Barbuda|Antigua & Barbuda"),
            ("AI", "AIA", "Anguilla"),
            ("AL", "ALB", "Albania|Albanie"),
            ("AM", "ARM", "Armenia|Arménie"),
            ("AO", "AGO", "Angola"),
            ("AQ", "ATA", "Antarctica|Antarctique"),
            ("AR", "ARG", "Argentina|Argentine"),
            ("AS", "ASM", "American Samoa|Samoa américaines"),
            ("AT", "AUT", "Austria|Autriche|Österreich"),
            ("AU", "AUS", "Australia|Australie"),
            ("AW", "ABW", "Aruba"),
            ("AX", "ALA", "Åland Islands|Îles Åland|Aland|Åland"),
            ("AZ", "AZE", "Azerbaijan|Azerbaïdjan"),
            ("BA", "BIH", "Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia|Bosnie"),
            ("BB", "BRB", "Barbados|Barbade"),
            ("BD", "BGD", "Bangladesh"),
            ("BE", "BEL", "Belgium|Belgique|België|Belgie"),
            ("BF", "BFA", "Burkina Faso"),
            ("BG", "BGR", "Bulgaria|Bulgarie"),
            ("BH", "BHR", "Bahrain|Bahreïn"),
            ("BI", "BDI", "Burundi"),
            ("BJ", "BEN", "Benin|Bénin"),
            ("BL", "BLM", "Saint Barthélemy|Saint-Barthélemy|St Barthélemy|St Barth"),
            ("BM", "BMU", "Bermuda|Bermudes"),
            ("BN", "BRN", "Brunei Darussalam|Brunei"),
            ("BO", "BOL", "Bolivia, Plurinational State of|Bolivie|Bolivia"),
            ("BQ", "BES", "Bonaire, Sint Eustatius and Saba|Pays-Bas caribéens|Bonaire|Caribbean Netherlands"),
            ("BR", "BRA", "Brazil|Brésil"),
            ("BS", "BHS", "Bahamas|The Bahamas"),
            ("BT", "BTN", "Bhutan|Bhoutan"),
            ("BV", "BVT", "Bouvet Island|Île Bouvet"),
            ("BW", "BWA", "Botswana"),
            ("BY", "BLR", "Belarus|Biélorussie|Bélarus"),
            ("BZ", "BLZ", "Belize"),
            ("CA", "CAN", "Canada"),
            ("CC", "CCK", "Cocos (Keeling) Islands|Îles Cocos|Cocos Islands|Keeling Islands"),
            ("CD", "COD", "Congo, Democratic Republic of the|République démocratique du Congo|Democratic Republic of the Congo|DR Congo|DRC|RDC|Congo-Kinshasa|RD Congo|Zaïre"),
            ("CF", "CAF", "Central African Republic|République centrafricaine|Centrafrique|RCA"),
            ("CG", "COG", "Congo|République du Congo|Congo-Brazzaville|Republic of the Congo"),
            ("CH", "CHE", "Switzerland|Suisse|Schweiz|Svizzera"),
            ("CI", "CIV", "Côte d'Ivoire|Ivory Coast|Cote d'Ivoire"),
            ("CK", "COK", "Cook Islands|Îles Cook"),
            ("CL", "CHL", "Chile|Chili"),
            ("CM", "CMR", "Cameroon|Cameroun"),
            ("CN", "CHN", "China|Chine|People's Republic of China|Chine populaire"),
            ("CO", "COL", "Colombia|Colombie"),
            ("CR", "CRI", "Costa Rica"),
            ("CU", "CUB", "Cuba"),
            ("CV", "CPV", "Cabo Verde|Cap-Vert|Cape Verde|Cap Vert"),
            ("CW", "CUW", "Curaçao|Curacao"),
            ("CX", "CXR", "Christmas Island|Île Christmas"),
            ("CY", "CYP", "Cyprus|Chypre"),
            ("CZ", "CZE", "Czechia|Tchéquie|Czech Republic|République tchèque"),
            ("DE", "DEU", "Germany|Allemagne|Deutschland|RFA"),
            ("DJ", "DJI", "Djibouti"),
            ("DK", "DNK", "Denmark|Danemark"),
            ("DM", "DMA", "Dominica|Dominique"),
            ("DO", "DOM", "Dominican Republic|République dominicaine"),
            ("DZ", "DZA", "Algeria|Algérie"),
            ("EC", "ECU", "Ecuador|Équateur"),
            ("EE", "EST", "Estonia|Estonie"),
            ("EG", "EGY", "Egypt|Égypte|Egypte"),
            ("EH", "ESH", "Western Sahara|Sahara occidental"),
            ("ER", "ERI", "Eritrea|Érythrée"),
            ("ES", "ESP", "Spain|Espagne|España"),
            ("ET", "ETH", "Ethiopia|Éthiopie"),
            ("FI", "FIN", "Finland|Finlande"),
            ("FJ", "FJI", "Fiji|Fidji"),
            ("FK", "FLK", "Falkland Islands (Malvinas)|Îles Malouines|Falkland Islands|Falklands|Îles Falkland"),
            ("FM", "FSM", "Micronesia, Federated States of|États fédérés de Micronésie|Micronesia|Micronésie"),
            ("FO", "FRO", "Faroe Islands|Îles Féroé|Faroe|Féroé"),
            ("FR", "FRA", "France"),
            ("GA", "GAB", "Gabon"),
            ("GB", "GBR", "United Kingdom of Great Britain and Northern Ireland|Royaume-Uni|United Kingdom|UK|Great Britain|Grande-Bretagne|Angleterre|England|Britain|U.K."),
            ("GD", "GRD", "Grenada|Grenade"),
            ("GE", "GEO", "Georgia|Géorgie"),
            ("GF", "GUF", "French Guiana|Guyane|Guyane française|French Guyana"),
            ("GG", "GGY", "Guernsey|Guernesey"),
            ("GH", "GHA", "Ghana"),
            ("GI", "GIB", "Gibraltar"),
            ("GL", "GRL", "Greenland|Groenland"),
            ("GM", "GMB", "Gambia|Gambie|The Gambia"),
            ("GN", "GIN", "Guinea|Guinée"),
            ("GP", "GLP", "Guadeloupe"),
            ("GQ", "GNQ", "Equatorial Guinea|Guinée équatoriale|Guinée Équatoriale"),
            ("GR", "GRC", "Greece|Grèce|Hellas|Grece"),
            ("GS", "SGS", "South Georgia and the South Sandwich Islands|Géorgie du Sud-et-les îles Sandwich du Sud|South Georgia"),
            ("GT", "GTM", "Guatemala"),
            ("GU", "GUM", "Guam"),
            ("GW", "GNB", "Guinea-Bissau|Guinée-Bissau|Guinée-Bissao"),
            ("GY", "GUY", "Guyana"),
            ("HK", "HKG", "Hong Kong|Hongkong"),
            ("HM", "HMD", "Heard Island and McDonald Islands|Îles Heard-et-MacDonald|Heard and McDonald Islands"),
            ("HN", "HND", "Honduras"),
            ("HR", "HRV", "Croatia|Croatie"),
            ("HT", "HTI", "Haiti|Haïti"),
            ("HU", "HUN", "Hungary|Hongrie"),
            ("ID", "IDN", "Indonesia|Indonésie"),
            ("IE", "IRL", "Ireland|Irlande|Eire|Éire"),
            ("IL", "ISR", "Israel|Israël"),
            ("IM", "IMN", "Isle of Man|Île de Man"),
            ("IN", "IND", "India|Inde"),
            ("IO", "IOT", "British Indian Ocean Territory|Territoire britannique de l'océan Indien|Chagos"),
            ("IQ", "IRQ", "Iraq|Irak"),
            ("IR", "IRN", "Iran, Islamic Republic of|Iran"),
            ("IS", "ISL", "Iceland|Islande"),
            ("IT", "ITA", "Italy|Italie|Italia"),
            ("JE", "JEY", "Jersey"),
            ("JM", "JAM", "Jamaica|Jamaïque"),
            ("JO", "JOR", "Jordan|Jordanie"),
            ("JP", "JPN", "Japan|Japon"),
            ("KE", "KEN", "Kenya"),
            ("KG", "KGZ", "Kyrgyzstan|Kirghizistan"),
            ("KH", "KHM", "Cambodia|Cambodge"),
            ("KI", "KIR", "Kiribati"),
            ("KM", "COM", "Comoros|Comores"),
            ("KN", "KNA", "Saint Kitts and Nevis|Saint-Christophe-et-Niévès|Saint-Kitts-et-Nevis"),
            ("KP", "PRK", "Korea, Democratic People's Republic of|Corée du Nord|North Korea"),
            ("KR", "KOR", "Korea, Republic of|Corée du Sud|South Korea"),
            ("KW", "KWT", "Kuwait|Koweït"),
            ("KY", "CYM", "Cayman Islands|Îles Caïmans"),
            ("KZ", "KAZ", "Kazakhstan"),
            ("LA", "LAO", "Lao People's Democratic Republic|Laos"),
            ("LB", "LBN", "Lebanon|Liban"),
            ("LC", "LCA", "Saint Lucia|Sainte-Lucie"),
            ("LI", "LIE", "Liechtenstein"),
            ("LK", "LKA", "Sri Lanka"),
            ("LR", "LBR", "Liberia"),
            ("LS", "LSO", "Lesotho"),
            ("LT", "LTU", "Lithuania|Lituanie"),
            ("LU", "LUX", "Luxembourg"),
            ("LV", "LVA", "Latvia|Lettonie"),
            ("LY", "LBY", "Libya|Libye"),
            ("MA", "MAR", "Morocco|Maroc"),
            ("MC", "MCO", "Monaco"),
            ("MD", "MDA", "Moldova, Republic of|Moldavie|Moldova"),
            ("ME", "MNE", "Montenegro|Monténégro"),
            ("MF", "MAF", "Saint Martin (French part)|Saint-Martin|Saint Martin|St Martin|Saint-Martin (partie française)"),
            ("MG", "MDG", "Madagascar"),
            ("MH", "MHL", "Marshall Islands|Îles Marshall"),
            ("MK", "MKD", "North Macedonia|Macédoine du Nord|Macedonia|Macédoine|Republic of North Macedonia"),
            ("ML", "MLI", "Mali"),
            ("MM", "MMR", "Myanmar|Birmanie|Burma"),
            ("MN", "MNG", "Mongolia|Mongolie"),
            ("MO", "MAC", "Macao|Macau"),
            ("MP", "MNP", "Northern Mariana Islands|Îles Mariannes du Nord"),
            ("MQ", "MTQ", "Martinique"),
            ("MR", "MRT", "Mauritania|Mauritanie"),
            ("MS", "MSR", "Montserrat"),
            ("MT", "MLT", "Malta|Malte"),
            ("MU", "MUS", "Mauritius|Maurice|Île Maurice"),
            ("MV", "MDV", "Maldives"),
            ("MW", "MWI", "Malawi"),
            ("MX", "MEX", "Mexico|Mexique"),
            ("MY", "MYS", "Malaysia|Malaisie"),
            ("MZ", "MOZ", "Mozambique"),
            ("NA", "NAM", "Namibia|Namibie"),
            ("NC", "NCL", "New Caledonia|Nouvelle-Calédonie|Nouvelle Calédonie"),
            ("NE", "NER", "Niger"),
            ("NF", "NFK", "Norfolk Island|Île Norfolk"),
            ("NG", "NGA", "Nigeria"),
            ("NI", "NIC", "Nicaragua"),
            ("NL", "NLD", "Netherlands|Pays-Bas|Holland|Hollande|The Netherlands"),
            ("NO", "NOR", "Norway|Norvège"),
            ("NP", "NPL", "Nepal|Népal"),
            ("NR", "NRU", "Nauru"),
            ("NU", "NIU", "Niue"),
            ("NZ", "NZL", "New Zealand|Nouvelle-Zélande"),
            ("OM", "OMN", "Oman"),
            ("PA", "PAN", "Panama"),
            ("PE", "PER", "Peru|Pérou"),
            ("PF", "PYF", "French Polynesia|Polynésie française|Polynésie|Tahiti"),
            ("PG", "PNG", "Papua New Guinea|Papouasie-Nouvelle-Guinée"),
            ("PH", "PHL", "Philippines"),
            ("PK", "PAK", "Pakistan"),
            ("PL", "POL", "Poland|Pologne"),
            ("PM", "SPM", "Saint Pierre and Miquelon|Saint-Pierre-et-Miquelon|St Pierre et Miquelon|Saint Pierre et Miquelon"),
            ("PN", "PCN", "Pitcairn|Îles Pitcairn|Pitcairn Islands"),
            ("PR", "PRI", "Puerto Rico|Porto Rico"),
            ("PS", "PSE", "Palestine, State of|Palestine"),
            ("PT", "PRT", "Portugal"),
            ("PW", "PLW", "Palau|Palaos"),
            ("PY", "PRY", "Paraguay"),
            ("QA", "QAT", "Qatar"),
            ("RE", "REU", "Réunion|La Réunion|Reunion|Île de la Réunion"),
            ("RO", "ROU", "Romania|Roumanie"),
            ("RS", "SRB", "Serbia|Serbie"),
            ("RU", "RUS", "Russian Federation|Russie|Russia|Fédération de Russie"),
            ("RW", "RWA", "Rwanda"),
            ("SA", "SAU", "Saudi Arabia|Arabie saoudite|Arabie Saoudite"),
            ("SB", "SLB", "Solomon Islands|Îles Salomon"),
            ("SC", "SYC", "Seychelles"),
            ("SD", "SDN", "Sudan|Soudan"),
            ("SE", "SWE", "Sweden|Suède"),
            ("SG", "SGP", "Singapore|Singapour"),
            ("SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha|Sainte-Hélène, Ascension et Tristan da Cunha|Saint Helena|Sainte-Hélène"),
            ("SI", "SVN", "Slovenia|Slovénie"),
            ("SJ", "SJM", "Svalbard and Jan Mayen|Svalbard et île Jan Mayen|Svalbard"),
            ("SK", "SVK", "Slovakia|Slovaquie"),
            ("SL", "SLE", "Sierra Leone"),
            ("SM", "SMR", "San Marino|Saint-Marin"),
            ("SN", "SEN", "Senegal|Sénégal"),
            ("SO", "SOM", "Somalia|Somalie"),
            ("SR", "SUR", "Suriname"),
            ("SS", "SSD", "South Sudan|Soudan du Sud"),
            ("ST", "STP", "Sao Tome and Principe|Sao Tomé-et-Principe|São Tomé-et-Príncipe|Sao Tome"),
            ("SV", "SLV", "El Salvador|Salvador"),
            ("SX", "SXM", "Sint Maarten (Dutch part)|Sint Maarten|Saint-Martin (partie néerlandaise)"),
            ("SY", "SYR", "Syrian Arab Republic|Syrie|Syria"),
            ("SZ", "SWZ", "Eswatini|Swaziland"),
            ("TC", "TCA", "Turks and Caicos Islands|Îles Turques-et-Caïques"),
            ("TD", "TCD", "Chad|Tchad"),
            ("TF", "ATF", "French Southern Territories|Terres australes et antarctiques françaises|TAAF|Terres australes françaises|French Southern and Antarctic Lands"),
            ("TG", "TGO", "Togo"),
            ("TH", "THA", "Thailand|Thaïlande"),
            ("TJ", "TJK", "Tajikistan|Tadjikistan"),
            ("TK", "TKL", "Tokelau"),
            ("TL", "TLS", "Timor-Leste|Timor oriental|East Timor"),
            ("TM", "TKM", "Turkmenistan|Turkménistan"),
            ("TN", "TUN", "Tunisia|Tunisie"),
            ("TO", "TON", "Tonga"),
            ("TR", "TUR", "Türkiye|Turquie|Turkey|Turkiye"),
            ("TT", "TTO", "Trinidad and Tobago|Trinité-et-Tobago|Trinidad & Tobago|Trinidad"),
            ("TV", "TUV", "Tuvalu"),
            ("TW", "TWN", "Taiwan, Province of China|Taïwan|Taiwan"),
            ("TZ", "TZA", "Tanzania, United Republic of|Tanzanie|Tanzania"),
            ("UA", "UKR", "Ukraine"),
            ("UG", "UGA", "Uganda|Ouganda"),
            ("UM", "UMI", "United States Minor Outlying Islands|Îles mineures éloignées des États-Unis|US Minor Outlying Islands"),
            ("US", "USA", "United States of America|États-Unis|United States|USA|U.S.A.|US|Etats-Unis d'Amérique|États-Unis d'Amérique"),
            ("UY", "URY", "Uruguay"),
            ("UZ", "UZB", "Uzbekistan|Ouzbékistan"),
            ("VA", "VAT", "Holy See|Saint-Siège|Vatican|Vatican City|Cité du Vatican"),
            ("VC", "VCT", "Saint Vincent and the Grenadines|Saint-Vincent-et-les-Grenadines|Saint Vincent"),
            ("VE", "VEN", "Venezuela, Bolivarian Republic of|Venezuela"),
            ("VG", "VGB", "Virgin Islands (British)|Îles Vierges britanniques|British Virgin Islands"),
            ("VI", "VIR", "Virgin Islands (U.S.)|Îles Vierges des États-Unis|US Virgin Islands|U.S. Virgin Islands"),
            ("VN", "VNM", "Viet Nam|Vietnam|Viêt Nam"),
            ("VU", "VUT", "Vanuatu"),
            ("WF", "WLF", "Wallis and Futuna|Wallis-et-Futuna|Wallis et Futuna|Wallis-and-Futuna"),
            ("WS", "WSM", "Samoa"),
            ("XK", "XKX", "Kosovo"),
            ("YE", "YEM", "Yemen|Yémen"),
            ("YT", "MYT", "Mayotte"),
            ("ZA", "ZAF", "South Africa|Afrique du Sud"),
            ("ZM", "ZMB", "Zambia|Zambie"),
            ("ZW", "ZWE", "Zimbabwe"),
        ];

    private static FrozenDictionary<string, string> BuildLookup()
    {
        var entries = GetEntries();
        var map = new Dictionary<string, string>(entries.Length * 6, StringComparer.Ordinal);
        foreach (var (alpha2, alpha3, names) in entries)
        {
            map.TryAdd(alpha2, alpha2);
            map.TryAdd(alpha3, alpha2);
            foreach (var name in names.Split('|'))
            {
                var key = NormalizeKey(name);
                if (key.Length > 0)
                {
                    // First entry wins; the tests check that no name is claimed by two countries.
                    map.TryAdd(key, alpha2);
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Type-initialisation normalisation: canonical decomposition, then the same folding as lookups.
    private static string NormalizeKey(string name)
    {
        var decomposed = NormalizeFormD(name);
        Span<char> buffer = stackalloc char[MaxKeyLength];
        return TryFold(decomposed, buffer, out var length) ? new string(buffer[..length]) : string.Empty;
    }

    /// <summary>
    /// The folding table as string.Normalize(FormD) gives it: first character of the
    /// canonical decomposition, upper-cased (invariant); '\0' for non-letters.
    /// </summary>
    internal static string ComputeLatinFold()
    {
        var fold = new char[FoldEnd - FoldStart];
        for (var c = FoldStart; c < FoldEnd; c++)
        {
            var decomposed = NormalizeFormD(new string(c, 1));
            var baseChar = decomposed.Length > 0 ? decomposed[0] : c;
            fold[c - FoldStart] = char.IsLetterOrDigit(baseChar) ? char.ToUpperInvariant(baseChar) : '\0';
        }

        return new string(fold);
    }

    /// <summary>
    /// <see cref="ComputeLatinFold"/> precomputed for hosts without Unicode normalisation
    /// support (the tests check both are identical).
    /// </summary>
    internal const string LatinFoldFallback =
        "AAAAAA\u00C6CEEEEIIII" // U+00C0
        + "\u00D0NOOOOO\0\u00D8UUUUY\u00DE\u00DF" // U+00D0
        + "AAAAAA\u00C6CEEEEIIII" // U+00E0
        + "\u00D0NOOOOO\0\u00D8UUUUY\u00DEY" // U+00F0
        + "AAAAAACCCCCCCCDD" // U+0100
        + "\u0110\u0110EEEEEEEEEEGGGG" // U+0110
        + "GGGGHH\u0126\u0126IIIIIIII" // U+0120
        + "I\u0131\u0132\u0132JJKK\u0138LLLLLL\u013F" // U+0130
        + "\u013F\u0141\u0141NNNNNN\u0149\u014A\u014AOOOO" // U+0140
        + "OO\u0152\u0152RRRRRRSSSSSS" // U+0150
        + "SSTTTT\u0166\u0166UUUUUUUU" // U+0160
        + "UUUUWWYYYZZZZZZS" // U+0170
        + "\u0243\u0181\u0182\u0182\u0184\u0184\u0186\u0187\u0187\u0189\u018A\u018B\u018B\u018D\u018E\u018F" // U+0180
        + "\u0190\u0191\u0191\u0193\u0194\u01F6\u0196\u0197\u0198\u0198\u023D\u019B\u019C\u019D\u0220\u019F" // U+0190
        + "OO\u01A2\u01A2\u01A4\u01A4\u01A6\u01A7\u01A7\u01A9\u01AA\u01AB\u01AC\u01AC\u01AEU" // U+01A0
        + "U\u01B1\u01B2\u01B3\u01B3\u01B5\u01B5\u01B7\u01B8\u01B8\u01BA\u01BB\u01BC\u01BC\u01BE\u01F7" // U+01B0
        + "\u01C0\u01C1\u01C2\u01C3\u01C4\u01C4\u01C4\u01C7\u01C7\u01C7\u01CA\u01CA\u01CAAAI" // U+01C0
        + "IOOUUUUUUUUUU\u018EAA" // U+01D0
        + "AA\u00C6\u00C6\u01E4\u01E4GGKKOOOO\u01B7\u01B7" // U+01E0
        + "J\u01F1\u01F1\u01F1GG\u01F6\u01F7NNAA\u00C6\u00C6\u00D8\u00D8" // U+01F0
        + "AAAAEEEEIIIIOOOO" // U+0200
        + "RRRRUUUUSSTT\u021C\u021CHH" // U+0210
        + "\u0220\u0221\u0222\u0222\u0224\u0224AAEEOOOOOO" // U+0220
        + "OOYY\u0234\u0235\u0236\u0237\u0238\u0239\u023A\u023B\u023B\u023D\u023E\u2C7E" // U+0230
        + "\u2C7F\u0241\u0241\u0243\u0244\u0245\u0246\u0246\u0248\u0248\u024A\u024A\u024C\u024C\u024E\u024E"; // U+0240

    private static string NormalizeFormD(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            // Globalization-invariant hosts without normalisation support: keep the text as is;
            // ASCII spellings still match.
            return value;
        }
    }
}
