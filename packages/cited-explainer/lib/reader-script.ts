import { addressPartClass, addressSlotClass, noAddressClass, withAddressSource } from '../cite/address-slot.ts';

/**
 * The only script a page carries besides search's boot code: inlined at the end of the body
 * (layouts/Base.astro) and allowed by its hash in the Content-Security-Policy, so no file is
 * fetched. It adds what plain HTML cannot, and nothing a reader needs to read:
 *
 * - Before a citation preview opens (the popover opens without script), the page scrolls so that
 *   there is room for it under its marker: the sheet's half screen on a phone, the preview's
 *   greatest height (styles/site.css: 60vh, at most 28 rem) on a laptop, so the sentence stays in
 *   view above it. Before, not after: a laptop preview anchored to its marker keeps the place it
 *   took when it opened (pushed up over the sentence when there was no room below) as the page
 *   scrolls. A click on a marker comes before its popover opens.
 * - "Copy" buttons ([data-copy] names the element to copy) are hidden in the HTML, so a page
 *   without script shows none that do nothing; the script shows them and copies the text.
 * - Where the site's address was not known at build, each citation keeps a hidden part with an
 *   empty slot for it (cite/address-slot.ts): the script fills in the address the page is read at
 *   and shows that part, in place of the line asking the reader to add it. Its download links then
 *   fetch the file, add that address to it (cite/address-slot.ts, withAddressSource) and save it;
 *   without script, or when that fails, the link gives the file as built, without one. (A block
 *   has a hidden part per style: each sets the same handler, as a property, so one runs; it
 *   returns false, which keeps the link from being followed (a link given where an address is
 *   expected stands for its href); the saved copy is a clone of the
 *   link, with its file name, and no handler.)
 */
const addressScript = `for(const a of document.querySelectorAll('.${addressPartClass}')){const u=new URL(a.dataset.path,location).href;a.querySelector('.${addressSlotClass}').append(u);const n=a.previousElementSibling;n?.matches('.${noAddressClass}')&&n.remove();a.hidden=0;document.querySelector('.cite-relative')?.remove();for(const l of a.closest('.cite-page').querySelectorAll('[download]'))l.onclick=()=>!fetch(l).then(r=>r.ok&&r.text()).then(t=>{const b=l.cloneNode();b.href=URL.createObjectURL(new Blob([(${withAddressSource})(t,u)]));b.click()}).catch(()=>location=l)}`;

export const readerScript = `document.addEventListener('click',e=>{const m=e.target.closest?.('.cite-marker');if(!m)return;const d=m.getBoundingClientRect().bottom+16-innerHeight+(matchMedia('(max-width:40rem)').matches?innerHeight/2:Math.min(innerHeight*.6,448));if(d>0)scrollBy(0,d)},true);for(const b of document.querySelectorAll('[data-copy]')){b.hidden=false;b.addEventListener('click',()=>{const t=document.getElementById(b.dataset.copy);if(t&&navigator.clipboard)navigator.clipboard.writeText(t.innerText.trim()).then(()=>{b.textContent=b.dataset.copied})})}${addressScript}`;
