<?xml version="1.0" encoding="UTF-8"?>
<!-- dagsorden.xsl: the agenda (dagsorden) of a workplace file as XSL-FO, for
     the peer benchmark (bench/peers.sh) with Apache FOP. It renders what
     amokit's dagsorden renders at its core: the meeting facts, the eleven
     points with their time slots and guiding questions, and the workplace's
     APV items and last year's goals under points 4 and 7. The point titles
     and questions are read from layouts/dagsorden.xml (parameter layout)
     and the Danish catalog its keys name (parameter messages), so both
     programs set the same text. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:w="urn:amokit:workplace:2"
    xmlns:l="urn:amokit:layout:1">
  <xsl:param name="layout" select="'../layouts/dagsorden.xml'"/>
  <xsl:param name="messages" select="'../layouts/messages/da.xml'"/>
  <xsl:variable name="lay" select="document($layout)"/>
  <xsl:variable name="msgs" select="document($messages)/l:messages"/>
  <xsl:variable name="wp" select="/w:workplace"/>

  <xsl:template match="/">
    <fo:root font-family="sans-serif" font-size="10.5pt" hyphenate="true" language="da">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
                               margin="18mm">
          <fo:region-body margin-top="10mm" margin-bottom="10mm"/>
          <fo:region-before extent="8mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-size="8pt" color="#555555"><xsl:value-of select="$wp/w:name"/></fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="8pt" text-align="end">Side <fo:page-number/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="20pt" font-weight="bold" color="#1F5C7A" space-after="2mm">
            <xsl:value-of select="$msgs/l:msg[@key = $lay/l:layout/@title-key]"/>
          </fo:block>
          <xsl:call-template name="facts"/>
          <xsl:for-each select="$lay//l:keep[.//l:h2]">
            <xsl:call-template name="point">
              <xsl:with-param name="n" select="position()"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="facts">
    <fo:table table-layout="fixed" width="100%" border="0.5pt solid #888888" space-after="4mm">
      <fo:table-column column-width="proportional-column-width(5)"/>
      <fo:table-column column-width="proportional-column-width(4)"/>
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(4)"/>
      <fo:table-body>
        <fo:table-row height="12mm">
          <fo:table-cell padding="1mm" border="0.5pt solid #888888"><fo:block><xsl:value-of select="$wp/w:name"/></fo:block></fo:table-cell>
          <fo:table-cell padding="1mm" border="0.5pt solid #888888"><fo:block><xsl:value-of select="$wp/w:meeting/w:date"/></fo:block></fo:table-cell>
          <fo:table-cell padding="1mm" border="0.5pt solid #888888"><fo:block><xsl:value-of select="$wp/w:meeting/w:start"/>–<xsl:value-of select="$wp/w:meeting/w:end"/></fo:block></fo:table-cell>
          <fo:table-cell padding="1mm" border="0.5pt solid #888888"><fo:block><xsl:value-of select="$wp/w:meeting/w:place"/></fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="point">
    <xsl:param name="n"/>
    <xsl:variable name="p" select="$wp/w:agenda/w:point[@n = $n]"/>
    <fo:block keep-together.within-page="always" space-before="3mm">
      <fo:block font-size="13pt" font-weight="bold" color="#1F5C7A" keep-with-next="always">
        <xsl:apply-templates select="(.//l:h2)[1]" mode="text"/>
      </fo:block>
      <xsl:if test="$p/@start">
        <fo:block color="#555555">Kl. <xsl:value-of select="$p/@start"/> · <xsl:value-of select="$p/@minutes"/> min.</fo:block>
      </xsl:if>
      <xsl:if test=".//l:li">
      <fo:list-block provisional-distance-between-starts="5mm">
        <xsl:for-each select=".//l:li">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()"><fo:block>•</fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()"><fo:block><xsl:apply-templates mode="text"/></fo:block></fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
      </xsl:if>
    </fo:block>
    <xsl:if test="$n = 4">
      <xsl:for-each select="$wp/w:apv/w:item">
        <fo:block start-indent="5mm" space-before="1mm"><fo:inline font-weight="bold"><xsl:value-of select="w:problem"/></fo:inline> – <xsl:value-of select="w:action"/> (<xsl:value-of select="w:owner"/>, <xsl:value-of select="w:deadline"/>)</fo:block>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$n = 7">
      <xsl:for-each select="$wp/w:last-year-goals/w:goal">
        <fo:block start-indent="5mm" space-before="1mm"><fo:inline font-weight="bold"><xsl:value-of select="w:title"/></fo:inline> (<xsl:value-of select="@status"/>)</fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A layout's text: a <msg key> is the catalog's text. -->
  <xsl:template match="l:msg" mode="text">
    <xsl:value-of select="$msgs/l:msg[@key = current()/@key]"/>
  </xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates mode="text"/></xsl:template>
</xsl:stylesheet>
