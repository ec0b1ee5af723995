/**
 * A stand-in for Apps Script's DriveApp, for what "Tạo phiếu cho tất cả đơn vị" asks of it: the folders of My
 * Drive, the spreadsheets SpreadsheetApp.create makes (filed in the root, as the host does), moving them and
 * sharing them. Each rule carries its reference page:
 *
 * - DriveApp.getFileById, getRootFolder: https://developers.google.com/apps-script/reference/drive/drive-app
 * - File.getParents, moveTo ("Moves this item to the provided destination folder"; the item leaves its other
 *   parents), addEditor: https://developers.google.com/apps-script/reference/drive/file
 * - Folder.createFolder, createFile(name, content, mimeType) (in that folder), getFoldersByName, getFilesByType, getFilesByName (children of that
 *   folder only, by exact name; Drive allows two items of one name, so a name is no key):
 *   https://developers.google.com/apps-script/reference/drive/folder
 * - iterators (hasNext, next; next past the end throws):
 *   https://developers.google.com/apps-script/reference/drive/file-iterator
 * - addEditor refuses what is not an e-mail address ("Invalid argument: …"); a notification is sent by Drive
 *   (DriveApp has no option for it), recorded here in `notified`. getEditors lists the editors as Users
 *   (getEmail): https://developers.google.com/apps-script/reference/drive/file#getEditors()
 * - setTrashed / isTrashed: https://developers.google.com/apps-script/reference/drive/file#setTrashed(Boolean);
 *   a trashed file keeps its parents and is still listed by the iterators here (the script checks isTrashed).
 * - A folder the user may only view refuses new items with "Access denied: DriveApp." (`readOnly`), as Drive
 *   answers a script without the right to add to it.
 */
import { FakeSpreadsheet } from './fake-sheets';

export const SHEETS_MIME = 'application/vnd.google-apps.spreadsheet';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

let ids = 0;

function iterator<T>(items: T[]) {
  let i = 0;
  return {
    hasNext: () => i < items.length,
    next: () => {
      if (i >= items.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
      return items[i++];
    },
  };
}

export class FakeDriveFolder {
  readonly id = `folder-${++ids}`;
  readonly mimeType = FOLDER_MIME;
  parents: FakeDriveFolder[] = [];
  /** The user may only view it: nothing new can be made in it. */
  readOnly = false;
  constructor(
    private readonly drive: FakeDrive,
    public name: string,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  /** The items whose parents include this folder, in the order they came. */
  children() {
    return this.drive.items.filter((x) => x.parents.includes(this));
  }
  private writable() {
    if (this.readOnly) throw new Error('Access denied: DriveApp.');
  }
  createFolder(name: string) {
    this.drive.count('Folder.createFolder');
    this.writable();
    const f = new FakeDriveFolder(this.drive, name);
    f.parents = [this];
    this.drive.items.push(f);
    return f;
  }
  /**
   * A new file in this folder ("Creates a file in the current folder with the given name, contents, and MIME
   * type"); another of the same name stays beside it.
   */
  createFile(name: string, content: string, mimeType: string) {
    this.drive.count('Folder.createFile');
    this.writable();
    const f = new FakeDriveFile(this.drive, `file-${++ids}`, mimeType);
    f.name = name;
    f.content = content;
    f.parents = [this];
    this.drive.items.push(f);
    return f;
  }
  getFoldersByName(name: string) {
    this.drive.count('Folder.getFoldersByName');
    return iterator(
      this.children().filter((x): x is FakeDriveFolder => x instanceof FakeDriveFolder && x.name === name),
    );
  }
  getFilesByType(mimeType: string) {
    this.drive.count('Folder.getFilesByType');
    return iterator(
      this.children().filter((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.mimeType === mimeType),
    );
  }
  getFilesByName(name: string) {
    this.drive.count('Folder.getFilesByName');
    return iterator(
      this.children().filter((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.getName() === name),
    );
  }
  /** The spreadsheets in this folder, for a test to look into. */
  spreadsheets(): FakeSpreadsheet[] {
    return this.children()
      .filter((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.mimeType === SHEETS_MIME)
      .map((f) => f.spreadsheet!);
  }
}

export class FakeDriveFile {
  parents: FakeDriveFolder[] = [];
  editors: string[] = [];
  trashed = false;
  /** A file made with createFile: its name and text. */
  name: string | null = null;
  content: string | null = null;
  constructor(
    private readonly drive: FakeDrive,
    readonly id: string,
    readonly mimeType: string,
    /** A spreadsheet's file: its name is the spreadsheet's. */
    readonly spreadsheet?: FakeSpreadsheet,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.spreadsheet?.getName() ?? this.name ?? this.id;
  }
  getUrl() {
    return this.spreadsheet?.getUrl() ?? `https://drive.google.com/file/d/${this.id}/view`;
  }
  getParents() {
    this.drive.count('File.getParents');
    return iterator([...this.parents]);
  }
  moveTo(destination: FakeDriveFolder) {
    this.drive.count('File.moveTo');
    if (!(destination instanceof FakeDriveFolder)) throw new Error('Invalid argument: destination');
    this.parents = [destination];
    return this;
  }
  getEditors() {
    this.drive.count('File.getEditors');
    return this.editors.map((email) => ({ getEmail: () => email }));
  }
  setTrashed(trashed: boolean) {
    this.drive.count('File.setTrashed');
    this.trashed = trashed;
    return this;
  }
  isTrashed() {
    return this.trashed;
  }
  addEditor(emailAddress: string) {
    this.drive.count('File.addEditor');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress) || this.drive.refuse.includes(emailAddress))
      throw new Error(`Invalid argument: ${emailAddress}`);
    if (!this.editors.includes(emailAddress)) this.editors.push(emailAddress);
    this.drive.notified.push(emailAddress);
    return this;
  }
}

/** One user's Drive: a root folder, the items in it, the calls made. */
export class FakeDrive {
  readonly items: Array<FakeDriveFolder | FakeDriveFile> = [];
  readonly root = new FakeDriveFolder(this, 'My Drive');
  calls: Record<string, number> = {};
  /** Addresses sharing was sent to (Drive's "shared with you" message). */
  notified: string[] = [];
  /** Addresses Drive refuses (e.g. outside a domain that shares only inside). */
  refuse: string[] = [];
  count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  /** A spreadsheet's file, in `folder` (the root when none): the active one, and each SpreadsheetApp.create makes. */
  file(ss: FakeSpreadsheet, folder: FakeDriveFolder = this.root): FakeDriveFile {
    const f = new FakeDriveFile(this, ss.getId(), SHEETS_MIME, ss);
    f.parents = [folder];
    this.items.push(f);
    return f;
  }
  /** Files the active spreadsheet, and every spreadsheet it creates (in My Drive's root, as create does). */
  attach(active: FakeSpreadsheet, folder?: FakeDriveFolder): void {
    this.file(active, folder);
    active.onCreate = (made) => this.file(made);
  }
  /** The DriveApp global. */
  app() {
    return {
      getFileById: (id: string) => {
        this.count('DriveApp.getFileById');
        const f = this.items.find((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.id === id);
        if (!f)
          throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
        return f;
      },
      getRootFolder: () => {
        this.count('DriveApp.getRootFolder');
        return this.root;
      },
    };
  }
}
