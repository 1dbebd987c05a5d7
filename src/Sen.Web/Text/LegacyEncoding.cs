namespace Sen.Web.Text;

/// <summary>The 8-bit Vietnamese encodings that documents and portals from before Unicode still hold.</summary>
public enum LegacyEncoding
{
    /// <summary>Unicode (or plain ASCII): nothing to convert.</summary>
    None,

    /// <summary>TCVN 5712:1993 (TCVN3, "ABC"): the .VnTime, .VnArial … fonts; .VnTimeH … show capitals.</summary>
    Tcvn3,

    /// <summary>VNI-Windows: the VNI-Times, VNI-Helve … fonts; a letter and its marks are separate bytes.</summary>
    Vni,
}
