import type { ConcernLanguage, ConcernPhrase } from './model';

/**
 * Shared groups of alternatives, used in patterns as `{NAME}`. Kept short on purpose: a group widens
 * every phrase that uses it.
 */
export const GROUPS: Readonly<Record<string, string>> = {
  // English: people who may harm or control a child (family, partners, adults around them).
  SOMEONE:
    'he|she|they|someone|somebody|my dad|my mom|my father|my mother|my stepdad|my stepmom|my stepfather|my stepmother|my uncle|my aunt|my brother|my sister|my cousin|my grandpa|my boyfriend|my girlfriend|my coach|my boss|a man|a guy|an adult|his friend|her friend',
  HURT_PAST_PRESENT:
    'hit|hits|hitting|beat|beats|beating|hurt|hurts|hurting|punch|punches|punched|kick|kicks|kicked|choke|chokes|choked|slap|slaps|slapped|burn|burns|burned|touch|touches|touched|touching',
  DOCUMENTS:
    'phone|cell|cellphone|passport|id|i d|papers|documents|birth certificate|green card|visa|social security card',
  IMAGES: 'pics|pictures|photos|nudes|naked pics|naked pictures|naked photos|videos|selfies',
  // Spanish: the same people.
  ALGUIEN:
    'el|ella|ellos|alguien|mi papa|mi mama|mi padre|mi madre|mi padrastro|mi madrastra|mi tio|mi tia|mi hermano|mi primo|mi abuelo|mi novio|mi novia|mi jefe|mi entrenador|un hombre|un senor|un adulto',
  DOCUMENTOS:
    'telefono|celular|movil|pasaporte|documentos|papeles|identificacion|id|acta de nacimiento|credencial|visa',
  FOTOS: 'fotos|fotografias|videos|nudes|packs|pack|fotos desnuda|fotos desnudo|fotos sin ropa',
};

/**
 * English phrases. Written conservatively (each one is a thing a child may write when something is
 * wrong), but erring on the side of flagging: a staff member reading a harmless match costs little; a
 * missed disclosure can cost a great deal. Nothing here blocks or changes what the student wrote.
 */
export const ENGLISH: readonly ConcernPhrase[] = [
  // abuse
  {
    pattern: '{SOMEONE} {HURT_PAST_PRESENT} me',
    category: 'abuse',
    why: 'A person (family member, partner, adult) hitting, hurting or touching the child: the plainest form of a disclosure.',
  },
  {
    pattern: '(touched|touches|touching) me (down there|there|where|in private|in places)',
    category: 'abuse',
    why: 'How children often describe sexual abuse without naming it.',
  },
  {
    pattern: '(abuse|abuses|abused|abusing|rape|rapes|raped|molest|molests|molested|molesting) me',
    category: 'abuse',
    why: 'Direct disclosure of abuse, rape or molestation.',
  },
  {
    pattern: '(i was|i m being|i am being|i get|i got|been) (abused|raped|molested|beaten|hit)',
    category: 'abuse',
    why: 'Disclosure in the passive voice ("I was abused").',
  },
  {
    pattern: '(sexually abused|sexual abuse|sexually assaulted)',
    category: 'abuse',
    why: 'Names sexual abuse or assault; even in a general sentence it is worth a trained adult reading it.',
  },
  {
    pattern: '(not safe|unsafe|scared|afraid) (at|to go|of going|to be at) home',
    category: 'abuse',
    why: 'Feeling unsafe at home is the most common way a child signals abuse or neglect.',
  },
  {
    pattern:
      '(scared|afraid|terrified) of my (dad|mom|father|mother|stepdad|stepmom|uncle|boyfriend|girlfriend|brother)',
    category: 'abuse',
    why: 'Fear of a named family member or partner.',
  },
  {
    pattern: '(makes|made|make|forces|forced|force) me (touch|undress|take off|watch|do sexual|have sex)',
    category: 'abuse',
    why: 'Being made to do sexual acts.',
  },
  // exploitation
  {
    pattern: '(makes|made|make|forces|forced|force) me (to|) (work|sell|do things|do stuff|do favors)',
    category: 'exploitation',
    why: 'Forced work or forced acts: the core of labour and sex trafficking.',
  },
  {
    pattern: '(forced|made|have|has|had) to work (for|without|and)',
    category: 'exploitation',
    why: 'Working for someone under pressure, or without pay.',
  },
  {
    pattern: '(i|we) owe (him|her|them|my boss|money|a debt)',
    category: 'exploitation',
    why: 'Debt to a person is a common means of control (debt bondage).',
  },
  {
    pattern: '(pay|paying|work|working) off (my|the|a|our) debt',
    category: 'exploitation',
    why: 'Working to pay off a debt (debt bondage).',
  },
  {
    pattern: '(pay|paying) (him|her|them) back',
    category: 'exploitation',
    why: 'Having to pay a person back: debt to a recruiter or "boyfriend".',
  },
  {
    pattern: '(don t|doesn t|didn t|never) (get|got) paid',
    category: 'exploitation',
    why: 'Unpaid work.',
  },
  {
    pattern: '(keep|keeps|kept|take|takes|took) (my|all my) (money|pay|wages|paycheck|tips)',
    category: 'exploitation',
    why: 'Someone taking the money the child earns.',
  },
  {
    pattern: '(sell|selling|sold) (drugs|myself|my body|sex)',
    category: 'exploitation',
    why: 'Selling drugs or sex: forced criminality or commercial sexual exploitation (a minor is a victim).',
  },
  {
    pattern: '(sex|things|stuff|favors|pictures) for (money|rent|food|a place to stay|gifts|drugs)',
    category: 'exploitation',
    why: 'Exchanging sex or acts for money, shelter or gifts: commercial sexual exploitation.',
  },
  {
    pattern: '(things|stuff) i (don t|didn t) want to (do|)',
    category: 'exploitation',
    why: 'Being made to do things they did not want to do.',
  },
  // control
  {
    pattern: '(takes|took|taken|keeps|kept|hides|hid|confiscated|stole|steals) (my|your|our) {DOCUMENTS}',
    category: 'control',
    why: 'Someone taking or keeping a person’s ID, papers or phone is a recognised trafficking indicator. "your" is included on purpose: a reflection retelling the lesson ("a trafficker may take your phone") is flagged too (err on the side of flagging).',
  },
  {
    pattern: '(take|taking|hide|keep) (your|our) {DOCUMENTS}',
    category: 'control',
    why: 'Retelling or describing someone taking a person’s phone or papers ("they take your phone").',
  },
  {
    pattern: '(to|will|would|could|might|may|{SOMEONE}) (take|hide|keep) my {DOCUMENTS}',
    category: 'control',
    why: 'Someone taking or keeping the child’s own phone or papers (not "I take my phone to school").',
  },
  {
    pattern: '(won t|doesn t|don t|wouldn t) (let|allow) me (leave|go|go out|go home|talk|call|see|have)',
    category: 'control',
    why: 'Being kept from leaving or from contact with others.',
  },
  {
    pattern:
      '{SOMEONE} (has|holds|keeps) my (passport|papers|documents|id|birth certificate|green card|visa)',
    category: 'control',
    why: 'Someone else holding the child’s identity documents.',
  },
  {
    pattern: '(not allowed|never allowed) (to|) (leave|go out|go home|talk to anyone|call anyone|see my)',
    category: 'control',
    why: 'Restricted movement or contact.',
  },
  {
    pattern: '(can t|cannot) (leave|escape) (the house|the apartment|the place|this place|where i)',
    category: 'control',
    why: 'Not being able to leave where they live or work.',
  },
  {
    pattern: '(lock|locks|locked) me (in|up|out)',
    category: 'control',
    why: 'Being locked in or out.',
  },
  // threats
  {
    pattern: '(threaten|threatens|threatened|threatening) (me|to|my)',
    category: 'threats',
    why: 'A threat against the child or their family.',
  },
  {
    pattern: '(kill|hurt) (me|my family|my mom|my dad|my sister|my brother|my pet)',
    category: 'threats',
    why: 'A threat to kill or hurt the child or someone they love ("he said he would kill me").',
  },
  {
    pattern: '(call|calls|report|tell) (immigration|ice|the police on me)',
    category: 'threats',
    why: 'Threats about immigration status or the police are common means of control.',
  },
  {
    pattern: '(get|have) (me|us|my family) deported',
    category: 'threats',
    why: 'Threat of deportation.',
  },
  {
    pattern: '(post|share|send|show|leak) my {IMAGES}',
    category: 'threats',
    why: 'Threat to share the child’s images (sextortion).',
  },
  {
    pattern: 'if i (tell|told) (anyone|someone|anybody|the police|a teacher)',
    category: 'threats',
    why: 'Usually the end of a threat ("... if I tell anyone").',
  },
  // self-harm
  {
    pattern: '(kill|killing|hurt|hurting|cut|cutting|harm|harming) myself',
    category: 'self-harm',
    why: 'Thoughts of suicide or self-harm.',
  },
  {
    pattern: '(suicide|suicidal|self harm)',
    category: 'self-harm',
    why: 'Names suicide or self-harm.',
  },
  {
    pattern: '(want|wanted|wish i could|going) to die',
    category: 'self-harm',
    why: 'A wish to die.',
  },
  {
    pattern: '(end|ending) (my life|it all)',
    category: 'self-harm',
    why: 'Thoughts of suicide.',
  },
  {
    pattern: '(don t|do not) want to (live|be alive|be here anymore|wake up)',
    category: 'self-harm',
    why: 'Not wanting to live.',
  },
  {
    pattern: '(better off dead|no reason to live)',
    category: 'self-harm',
    why: 'Hopelessness about living.',
  },
  // running away
  {
    pattern: '(run|running|ran) away',
    category: 'running-away',
    why: 'Children who run away are at high risk of being recruited; it may also signal trouble at home.',
  },
  {
    pattern: '(runaway|homeless)',
    category: 'running-away',
    why: 'Unstable housing is a leading risk factor for trafficking.',
  },
  {
    pattern: '(kicked|threw|put|throw) me out',
    category: 'running-away',
    why: 'Being put out of home.',
  },
  {
    pattern: 'nowhere to (go|sleep|stay|live)',
    category: 'running-away',
    why: 'Having nowhere to sleep.',
  },
  {
    pattern:
      '(sleep|sleeping|slept|living|live) (on the street|on the streets|in a car|in the car|in our car)',
    category: 'running-away',
    why: 'Sleeping rough or in a car.',
  },
  {
    pattern: '(want to|going to|planning to|will|i ll|have to) (leave|escape) (home|my house|my family)',
    category: 'running-away',
    why: 'Wanting to leave home.',
  },
  {
    pattern: '(escape|escaping|escaped) (from|) (home|my house|my family)',
    category: 'running-away',
    why: 'Escaping from home.',
  },
  // image requests
  {
    pattern:
      '(asked|asks|asking|wants|wanted|told|tells|keeps asking) me (for|to send|to take|to show) (my|me|some|a|) {IMAGES}',
    category: 'image-requests',
    why: 'Being asked for images: a grooming and sextortion step.',
  },
  {
    pattern: 'send (him|her|them|) (nudes|naked pics|naked pictures|naked photos|pics of my body)',
    category: 'image-requests',
    why: 'Being asked to send nude images.',
  },
  {
    pattern: '(nudes|sexting|sextortion)',
    category: 'image-requests',
    why: 'Names nude images or sextortion.',
  },
  {
    pattern: '(naked|undressed|without clothes|without my clothes) (on camera|on video|pics|pictures|photos)',
    category: 'image-requests',
    why: 'Being asked to be undressed on camera.',
  },
  // secrecy
  {
    pattern: '(our|a) little secret',
    category: 'secrecy',
    why: 'An adult making something "our little secret" is a classic grooming sign.',
  },
  {
    pattern: '(told|tells|said|says|made) me (to|) (keep it|it s|it is) (a|our) secret',
    category: 'secrecy',
    why: 'Being told to keep a secret.',
  },
  {
    pattern: '(told|tells|said|says) me (not to|to not|don t) tell (anyone|anybody|my parents|my mom|my dad)',
    category: 'secrecy',
    why: 'Being told not to tell anyone.',
  },
  {
    pattern:
      '(older|grown) (guy|man|men|boyfriend|person) (i met online|online|wants to meet|asked me to meet)',
    category: 'secrecy',
    why: 'An older person met online who wants to meet: a common recruitment path.',
  },
];

/**
 * Spanish phrases (written without accents: normalisation removes them from the text as well, so
 * "pegó" and "pego" both match). Spanish idioms that only look alarming are avoided on purpose
 * ("me toca" = "it's my turn", "me corto el pelo" = "I get my hair cut").
 */
export const SPANISH: readonly ConcernPhrase[] = [
  // abuse
  {
    pattern:
      '{ALGUIEN} me (pega|pego|pegan|pegaron|golpea|golpeo|golpean|golpearon|lastima|lastimo|lastiman|maltrata|maltrato|maltratan)',
    category: 'abuse',
    why: 'Una persona (familiar, pareja, adulto) que pega, lastima o maltrata: la revelación más directa.',
  },
  {
    pattern:
      'me (pega|pego|pegan|pegaron|golpea|golpeo|golpean|golpearon|maltrata|maltrato|maltratan|maltrataron)',
    category: 'abuse',
    why: 'Revelación sin sujeto ("me pega", "me golpearon"); en español el sujeto suele omitirse.',
  },
  {
    pattern: 'me (toca|toco|tocan|tocaron|tocaba) (las|los|mis|el|la|ahi|donde|partes|cuando)',
    category: 'abuse',
    why: 'Tocamientos; se exige la palabra siguiente porque "me toca" solo significa "es mi turno".',
  },
  {
    pattern: '(abusa|abuso|abusan|abusaron|abusaba) de mi',
    category: 'abuse',
    why: 'Revelación directa de abuso.',
  },
  {
    pattern: 'me (violo|violaron|viola|violan|violaba)',
    category: 'abuse',
    why: 'Revelación de violación.',
  },
  {
    pattern: '(abuso sexual|abusada|abusado|violada|violado|manoseo|me manosea|me manoseo)',
    category: 'abuse',
    why: 'Nombra el abuso o la agresión sexual.',
  },
  {
    pattern: 'me (hace|hacen|hizo|hicieron) (dano|cosas que no quiero)',
    category: 'abuse',
    why: 'Alguien le hace daño o cosas que no quiere.',
  },
  {
    pattern: 'no me siento (segura|seguro) en (casa|mi casa)',
    category: 'abuse',
    why: 'No sentirse seguro en casa.',
  },
  {
    pattern: '(tengo miedo|me da miedo) (de|) (ir|volver|regresar|llegar) a (casa|mi casa)',
    category: 'abuse',
    why: 'Miedo de volver a casa.',
  },
  {
    pattern:
      '(tengo miedo|me da miedo) (de|a) mi (papa|mama|padre|madre|padrastro|madrastra|tio|novio|novia|hermano)',
    category: 'abuse',
    why: 'Miedo a un familiar o a la pareja.',
  },
  // exploitation
  {
    pattern:
      'me (obliga|obligan|obligo|obligaron|hace|hacen|hizo|hicieron|pone|ponen|forzaron|fuerza) (a|) (trabajar|vender)',
    category: 'exploitation',
    why: 'Trabajo o venta forzados: el núcleo de la trata laboral y sexual.',
  },
  {
    pattern: 'me (obliga|obligan|obligo|obligaron|forzaron|fuerza|fuerzan) a',
    category: 'exploitation',
    why: 'Ser obligado a algo.',
  },
  {
    pattern: '(trabajar|trabajo) (sin pago|sin paga|sin que me paguen|gratis para)',
    category: 'exploitation',
    why: 'Trabajo sin pago.',
  },
  {
    pattern: 'no me (pagan|paga|pagaron|pago)',
    category: 'exploitation',
    why: 'No le pagan por su trabajo.',
  },
  {
    pattern: '(le|les|te) debo (dinero|mucho|todo)',
    category: 'exploitation',
    why: 'Deuda con una persona: un medio de control (servidumbre por deudas).',
  },
  {
    pattern: '(debo|debemos|tengo que pagar) (una|la|mi|la|esa) deuda',
    category: 'exploitation',
    why: 'Tener que pagar una deuda.',
  },
  {
    pattern: 'pagar (la|mi|una|esa) deuda',
    category: 'exploitation',
    why: 'Pagar una deuda trabajando (servidumbre por deudas).',
  },
  {
    pattern: '(se queda|se quedan|se quedo|me quita|me quitan) (con|) (mi|todo mi) (dinero|sueldo|pago)',
    category: 'exploitation',
    why: 'Alguien se queda con el dinero que gana.',
  },
  {
    pattern: 'vender (drogas|mi cuerpo|me)',
    category: 'exploitation',
    why: 'Vender drogas o su cuerpo: criminalidad forzada o explotación sexual comercial.',
  },
  {
    pattern: '(sexo|cosas|favores|fotos) (por|a cambio de) (dinero|comida|regalos|un lugar|drogas|la renta)',
    category: 'exploitation',
    why: 'Intercambiar sexo o actos por dinero, techo o regalos: explotación sexual comercial.',
  },
  // control
  {
    pattern:
      '(me quito|me quitaron|me quita|me quitan|quitarte|quitarme|te quitan|te quita|se quedo con|se quedan con|se queda con|tiene|tienen|guarda|guardan|esconde|esconden) (mi|mis|tu|tus) {DOCUMENTOS}',
    category: 'control',
    why: 'Que alguien quite o guarde el documento, los papeles o el teléfono es un indicador reconocido de trata. Incluye "tu/te" a propósito: una reflexión que repite la lección se marca también.',
  },
  {
    pattern:
      'me (quito|quitaron|quita|quitan|escondio|escondieron|esconde|esconden) (el|la|los|las) {DOCUMENTOS}',
    category: 'control',
    why: 'En español se dice "me quitaron el pasaporte": el "me" indica que es del propio niño.',
  },
  {
    pattern: 'no me (deja|dejan|dejaba|dejaban) (salir|ir|irme|hablar|ver|llamar|volver|usar)',
    category: 'control',
    why: 'No le dejan salir ni tener contacto con otros.',
  },
  {
    pattern: 'me (encierra|encierran|encerro|encerraron|encerraba)',
    category: 'control',
    why: 'Estar encerrado.',
  },
  // threats
  {
    pattern: 'me (amenaza|amenazan|amenazo|amenazaron|amenazaba)',
    category: 'threats',
    why: 'Una amenaza contra el niño o su familia.',
  },
  {
    pattern: '(me va a|me van a|va a|van a) (matar|matarme|lastimar|lastimarme|deportar|deportarme)',
    category: 'threats',
    why: 'Amenaza de matar, lastimar o deportar.',
  },
  {
    pattern: '(matar|lastimar|hacerle dano) a mi (familia|mama|papa|hermana|hermano)',
    category: 'threats',
    why: 'Amenaza contra la familia.',
  },
  {
    pattern: '(llamar|llama|llamara|avisar) a (inmigracion|migracion|la migra)',
    category: 'threats',
    why: 'Amenazas sobre la situación migratoria son un medio de control frecuente.',
  },
  {
    pattern: '(publicar|subir|compartir|mandar|ensenar) mis (fotos|videos|packs)',
    category: 'threats',
    why: 'Amenaza de compartir sus imágenes (sextorsión).',
  },
  {
    pattern:
      'si (digo|le digo|les digo|cuento|le cuento|se lo digo|se lo cuento) (a alguien|a nadie|a la policia|a la maestra|al maestro)',
    category: 'threats',
    why: 'Suele ser el final de una amenaza ("... si le digo a alguien").',
  },
  // self-harm
  {
    pattern: '(matarme|suicidarme|suicidio|suicida|quitarme la vida|hacerme dano|lastimarme a mi)',
    category: 'self-harm',
    why: 'Pensamientos de suicidio o de hacerse daño.',
  },
  {
    pattern: '(me quiero|quiero|quisiera) morir',
    category: 'self-harm',
    why: 'Deseo de morir.',
  },
  {
    pattern: 'no quiero (vivir|seguir viviendo|estar viva|estar vivo|despertar)',
    category: 'self-harm',
    why: 'No querer vivir.',
  },
  {
    pattern: '(me corto|me estoy cortando|cortarme) (los brazos|las munecas|las piernas|la piel|a mi)',
    category: 'self-harm',
    why: 'Cortarse; se exige la palabra siguiente porque "me corto el pelo" es inofensivo.',
  },
  {
    pattern: '(mejor muerto|mejor muerta|estaria mejor muerto|estaria mejor muerta)',
    category: 'self-harm',
    why: 'Desesperanza sobre vivir.',
  },
  // running away
  {
    pattern: '(escaparme|escapar|huir|irme|salirme|me escape|me voy a escapar|me fui) de (casa|mi casa)',
    category: 'running-away',
    why: 'Quien huye de casa corre alto riesgo de ser captado; puede indicar problemas en casa.',
  },
  {
    pattern: '(me quiero escapar|me voy a escapar|quiero escaparme|quiero huir)',
    category: 'running-away',
    why: 'Querer escaparse.',
  },
  {
    pattern: 'me (echaron|echo|corrieron|corrio) de (casa|mi casa)',
    category: 'running-away',
    why: 'Le echaron de casa.',
  },
  {
    pattern: 'no tengo (donde|a donde) (dormir|vivir|quedarme|ir)',
    category: 'running-away',
    why: 'No tener dónde dormir.',
  },
  {
    pattern: '(vivir|vivo|dormir|duermo|dormimos|vivimos) en (la calle|el carro|un carro|el coche|un coche)',
    category: 'running-away',
    why: 'Dormir en la calle o en un coche.',
  },
  // image requests
  {
    pattern:
      '(me pide|me pidio|me piden|me pidieron|me pedia|quiere que le mande|quiere que le envie) (mis|unas|una|) {FOTOS}',
    category: 'image-requests',
    why: 'Le piden imágenes: un paso del grooming y la sextorsión.',
  },
  {
    pattern:
      '(mandar|mandarle|enviar|enviarle|pasar|pasarle|mandame|pasame) (fotos|videos|el|mi|mis) (desnuda|desnudo|sin ropa|pack|packs|intimas|intimos)',
    category: 'image-requests',
    why: 'Le piden mandar fotos íntimas.',
  },
  {
    pattern: '(desnuda|desnudo|sin ropa) (en camara|en video|en la camara)',
    category: 'image-requests',
    why: 'Le piden desnudarse ante la cámara.',
  },
  {
    pattern: '(sexting|sextorsion|nudes)',
    category: 'image-requests',
    why: 'Nombra imágenes íntimas o sextorsión.',
  },
  // secrecy
  {
    pattern: '(es|sera) (nuestro|un) secreto',
    category: 'secrecy',
    why: 'Un adulto que pide guardar un secreto es una señal clásica de grooming.',
  },
  {
    pattern: 'no (le|les|se lo|se lo vayas a) (digas|cuentes) a (nadie|tus papas|tu mama|tu papa|tus padres)',
    category: 'secrecy',
    why: 'Le dicen que no se lo cuente a nadie.',
  },
  {
    pattern:
      '(un hombre|un senor|un chavo|un chico|alguien) mayor (que conoci en linea|que conoci por internet|quiere verme|quiere que nos veamos)',
    category: 'secrecy',
    why: 'Una persona mayor conocida en línea que quiere verse: una vía de captación frecuente.',
  },
];

export const PHRASES: Readonly<Record<ConcernLanguage, readonly ConcernPhrase[]>> = {
  en: ENGLISH,
  es: SPANISH,
};
